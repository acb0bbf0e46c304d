#pragma once
// When the exact scoring of an index's candidates can stop. Candidates come best estimate first (their
// bytes' inner product or distance); their exact similarities differ from the estimates, once both are on
// one scale, by an offset that is the same for every candidate of a query plus a small quantisation error.
// Once a candidate's estimate, moved by the largest offset seen so far and widened by the spread of the
// offsets seen, cannot reach the k-th best exact score, no later candidate can either (their estimates are
// lower), so the rest go unscored: a search for 1,000 results scores about 1,000 vectors read from their
// rows instead of a fixed 2,016.

#include <algorithm>
#include <cstddef>
#include <functional>
#include <limits>
#include <queue>
#include <vector>

#include "data/embedded/VectorIndex.h"

namespace killrvideo::host::embedded {

class RescoringCutoff {
 public:
  // Until `always_scored` candidates were scored, every candidate is; after that the cutoff decides.
  RescoringCutoff(VectorMetric metric, std::size_t k, std::size_t always_scored);

  // Whether the next candidate, with this estimate, must be scored exactly.
  bool must_score(float estimate) const;
  // How many leading candidates must_score() passes whatever their scores: until then fewer than k (or
  // than the minimum) can have been recorded.
  std::size_t surely_scored() const noexcept { return std::max(always_scored_, k_); }
  // A candidate's estimate and exact similarity.
  void record(float estimate, float similarity);

 private:
  double on_estimate_scale(float similarity) const;

  VectorMetric metric_;
  std::size_t k_;
  std::size_t always_scored_;
  std::size_t scored_ = 0;
  // The k best exact scores so far, on the estimates' scale; the lowest on top.
  std::priority_queue<double, std::vector<double>, std::greater<double>> best_;
  double lowest_offset_ = std::numeric_limits<double>::infinity();
  double highest_offset_ = -std::numeric_limits<double>::infinity();
};

}  // namespace killrvideo::host::embedded
