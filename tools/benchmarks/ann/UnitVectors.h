#pragma once
// Benchmark data: unit vectors stored row after row.
//   random    — Gaussian directions, uniform on the sphere: no neighbourhood structure at all, the worst
//               case for any graph index (every point is nearly equidistant from every other).
//   clustered — points scattered around 1,000 random centres, the shape of real embeddings, where
//               near neighbours are clearly nearer than the rest.

#include <cstddef>
#include <random>
#include <string>
#include <vector>

namespace killrvideo::benchmarks {

class UnitVectors {
 public:
  UnitVectors(std::size_t count, std::size_t dimension) : dimension_(dimension), values_(count * dimension) {}
  std::size_t count() const noexcept { return values_.size() / dimension_; }
  std::size_t dimension() const noexcept { return dimension_; }
  const float* row(std::size_t index) const noexcept { return values_.data() + index * dimension_; }
  float* row(std::size_t index) noexcept { return values_.data() + index * dimension_; }

 private:
  std::size_t dimension_;
  std::vector<float> values_;
};

class UnitVectorSource {
 public:
  // Throws std::invalid_argument for a kind other than "random" or "clustered".
  UnitVectorSource(const std::string& kind, std::size_t dimension, unsigned seed);
  UnitVectors take(std::size_t count);

 private:
  void fill_random(float* row);
  void fill_clustered(float* row);

  bool clustered_;
  std::size_t dimension_;
  std::mt19937_64 generator_;
  std::normal_distribution<float> gaussian_;
  std::vector<std::vector<float>> centres_;
};

}  // namespace killrvideo::benchmarks
