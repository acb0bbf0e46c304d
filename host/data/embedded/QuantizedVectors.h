#pragma once
// Compressed copies of a vector index's vectors, for a full scan that is cheap enough to run on every query.
//
// Each vector is stored relative to a centre (the mean of the vectors when the codes were last rebuilt) as
//   - one bit per component, its sign: 128 bytes at dimension 1024, so 100,000 vectors fit in the CPU cache;
//   - one byte per component, scaled to the largest: close to exact, read only for a shortlist.
// A query ranks every vector by the bits (an unbiased estimate of the inner product, as in RaBitQ: Gao and
// Long, SIGMOD 2024), re-ranks the best of them by the bytes, and the caller scores the last few exactly.
// Unlike a graph walk, the recall of this scan does not depend on the data having neighbourhoods.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "data/embedded/HighestScores.h"
#include "data/embedded/ScanKernels.h"

namespace killrvideo::host::embedded {

// What a scan ranks by: the inner product (cosine on unit vectors, dot product), or the euclidean distance.
enum class VectorRanking { InnerProduct, Euclidean };

class QuantizedVectors {
 public:
  QuantizedVectors(std::size_t dimension, VectorRanking ranking);

  // Encodes `vector` as the codes of `slot` (growing the slots as needed) and remembers its id.
  void store(std::size_t slot, std::int64_t id, const float* vector);
  void erase(std::size_t slot);
  void clear();
  std::size_t live_count() const noexcept { return live_count_; }

  // True once the live count has doubled since the centre was last computed (up to a few thousand vectors):
  // the caller should rebuild, since a centre far from the data's mean leaves the sign bits less informative.
  bool centre_is_stale() const noexcept;
  const std::vector<float>& centre() const noexcept { return centre_; }
  std::size_t centred_count() const noexcept { return count_at_centring_; }
  // On an empty set: adopts a centre saved earlier (the mean of `centred_count` vectors), so that the codes
  // stored next are the ones that were saved. Ignored unless it has `dimension` components.
  void adopt_centre(std::vector<float> centre, std::size_t centred_count);
  // Recomputes the centre from every live vector and re-encodes them all. `vector_of(slot)` returns the
  // vector stored in a live slot (null skips it).
  void rebuild(const std::function<const float*(std::size_t)>& vector_of);

  struct Candidate {
    std::size_t slot;
    std::int64_t id;
  };
  // Up to `count` live vectors, best estimate first: the `shortlist` best by their bits that `accept` (when
  // given) accepts, re-ranked by their bytes. accept() is asked in order of the bits' estimate, best first.
  std::vector<Candidate> nearest(const float* query, std::size_t shortlist, std::size_t count,
                                 const std::function<bool(std::int64_t)>& accept = {}) const;

 private:
  struct ByteQuery {
    std::vector<std::int16_t> values;
    float scale = 0;  // component = value × scale
  };

  void encode(std::size_t slot, const float* vector);
  ByteQuery quantise_for_bytes(const float* query) const;
  void grow_to(std::size_t slot_count);
  std::vector<float> bit_estimates(const float* query) const;
  std::vector<ScoredSlot> accepted_best(const std::vector<float>& estimates, std::size_t shortlist,
                                        const std::function<bool(std::int64_t)>& accept) const;
  void prefetch_bytes(std::size_t slot) const noexcept;
  float byte_estimate(const ByteQuery& query, std::size_t slot) const;

  std::size_t dimension_;
  VectorRanking ranking_;
  std::size_t words_;  // 64-bit words of sign bits per vector
  std::vector<float> centre_;
  std::vector<std::uint64_t> bits_;  // blocks of kBlockLanes vectors (ScanKernels.h)
  std::vector<std::int8_t> bytes_;
  SignTerms terms_;                 // per slot, what turns its sign bits into an estimate (ScanKernels.h)
  std::vector<float> byte_scales_;  // per slot: component − centre = byte × scale
  std::vector<std::int64_t> ids_;
  std::vector<std::uint8_t> live_;
  std::size_t live_count_ = 0;
  std::size_t count_at_centring_ = 0;
};

}  // namespace killrvideo::host::embedded
