#include "data/embedded/RescoringCutoff.h"

#include <algorithm>
#include <cmath>

namespace killrvideo::host::embedded {

RescoringCutoff::RescoringCutoff(VectorMetric metric, std::size_t k, std::size_t always_scored)
    : metric_(metric), k_(k), always_scored_(always_scored) {}

// The estimates rank by inner product (cosine: of the unit vectors) or by minus half the squared distance;
// the similarities of data-api-wire §6 are (1 + inner product) / 2 and 1 / (1 + squared distance).
double RescoringCutoff::on_estimate_scale(float similarity) const {
  if (metric_ != VectorMetric::Euclidean) return 2.0 * similarity - 1.0;
  return -(1.0 / similarity - 1.0) / 2.0;
}

bool RescoringCutoff::must_score(float estimate) const {
  if (scored_ < always_scored_ || best_.size() < k_) return true;
  const double spread = highest_offset_ - lowest_offset_;
  return estimate + highest_offset_ + spread >= best_.top();
}

void RescoringCutoff::record(float estimate, float similarity) {
  ++scored_;
  // A NaN or zero similarity (a NaN component, a vector at infinite distance) says nothing about the offset.
  if (std::isnan(similarity) || (metric_ == VectorMetric::Euclidean && similarity <= 0)) return;
  const double exact = on_estimate_scale(similarity);
  const double offset = exact - estimate;
  lowest_offset_ = std::min(lowest_offset_, offset);
  highest_offset_ = std::max(highest_offset_, offset);
  best_.push(exact);
  if (best_.size() > k_) best_.pop();
}

}  // namespace killrvideo::host::embedded
