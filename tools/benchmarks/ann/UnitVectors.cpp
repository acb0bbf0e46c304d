#include "UnitVectors.h"

#include <cmath>
#include <stdexcept>

namespace killrvideo::benchmarks {

namespace {

constexpr std::size_t kCentres = 1000;
// Noise of norm ~0.75 around a unit centre: a point keeps cos ≈ 0.8 to its centre and ≈ 0.64 to its
// cluster mates, against ≈ 0 to everything else — roughly what sentence embeddings look like.
constexpr float kClusterSpread = 0.75f;

void normalise(float* row, std::size_t dimension) {
  double squared = 0;
  for (std::size_t i = 0; i < dimension; ++i) squared += static_cast<double>(row[i]) * row[i];
  const double norm = std::sqrt(squared);
  for (std::size_t i = 0; i < dimension; ++i) row[i] = static_cast<float>(row[i] / norm);
}

}  // namespace

UnitVectorSource::UnitVectorSource(const std::string& kind, std::size_t dimension, unsigned seed)
    : clustered_(kind == "clustered"), dimension_(dimension), generator_(seed) {
  if (kind != "random" && kind != "clustered") throw std::invalid_argument("unknown vector kind: " + kind);
  if (!clustered_) return;
  centres_.assign(kCentres, std::vector<float>(dimension));
  for (auto& centre : centres_) fill_random(centre.data());
}

UnitVectors UnitVectorSource::take(std::size_t count) {
  UnitVectors vectors(count, dimension_);
  for (std::size_t i = 0; i < count; ++i) clustered_ ? fill_clustered(vectors.row(i)) : fill_random(vectors.row(i));
  return vectors;
}

void UnitVectorSource::fill_random(float* row) {
  for (std::size_t i = 0; i < dimension_; ++i) row[i] = gaussian_(generator_);
  normalise(row, dimension_);
}

void UnitVectorSource::fill_clustered(float* row) {
  const auto& centre = centres_[std::uniform_int_distribution<std::size_t>(0, kCentres - 1)(generator_)];
  const float scale = kClusterSpread / std::sqrt(static_cast<float>(dimension_));
  for (std::size_t i = 0; i < dimension_; ++i) row[i] = centre[i] + scale * gaussian_(generator_);
  normalise(row, dimension_);
}

}  // namespace killrvideo::benchmarks
