#pragma once
// Compressed copies of a vector index's vectors, for a full scan that is cheap enough to run on every query.
//
// Each vector is stored relative to a centre (the mean of the vectors when the codes were last rebuilt) as
//   - one bit per component, its sign: 128 bytes at dimension 1024, so 100,000 vectors fit in the CPU cache;
//   - one byte per component, scaled to the largest: close to exact, read only for a shortlist.
// A query ranks every vector by the bits (an unbiased estimate of the inner product, as in RaBitQ: Gao and
// Long, SIGMOD 2024), re-ranks the best of them by the bytes, and the caller scores the last few exactly.
// Unlike a graph walk, the recall of this scan does not depend on the data having neighbourhoods.
//
// The bytes are also what VectorIndex's graph compares vectors by (query_distance, pair_distance): the index
// keeps no float copy of its vectors. The float vectors are held only until the centre is final (8,192
// vectors), to re-encode from; a set read back before its centre was final re-centres from its decoded
// bytes instead.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
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
  // True when the slot is live with the very codes `vector` encodes to (the same vector stored again).
  bool holds(std::size_t slot, const float* vector) const;
  // The slot stops being live; its codes stay, for the graph still walks through it.
  void erase(std::size_t slot);
  void clear();
  std::size_t live_count() const noexcept { return live_count_; }
  std::size_t slot_count() const noexcept { return live_.size(); }
  bool is_live(std::size_t slot) const noexcept { return slot < live_.size() && live_[slot]; }
  // The id last stored in a slot (live or erased).
  std::int64_t id_of(std::size_t slot) const noexcept { return ids_[slot]; }

  // True once the live count has doubled since the centre was last computed (up to a few thousand vectors):
  // the caller should recentre(), since a centre far from the data's mean leaves the sign bits less informative.
  bool centre_is_stale() const noexcept;
  // Recomputes the centre as the mean of the live vectors and re-encodes every slot around it.
  void recentre();

  struct Candidate {
    std::size_t slot;
    std::int64_t id;
    float estimate;  // from the bytes: higher is closer
  };
  // Up to `count` live vectors, best estimate first: the `shortlist` best by their bits that `accept` (when
  // given) accepts, re-ranked by their bytes. accept() is asked in order of the bits' estimate, best first.
  // Without a filter, a large index is scanned in parts on every core (ParallelRanges.h).
  std::vector<Candidate> nearest(const float* query, std::size_t shortlist, std::size_t count,
                                 const std::function<bool(std::int64_t)>& accept = {}) const;

  // The unfiltered nearest() with its first step's result kept, so that it can serve a later query of the
  // same vector on the same codes (VectorIndex: a read of 100 rows, then of 1,000): the `bit_shortlist` best
  // of every live vector by their bits, in the parts the scan runs in, left in `bits`...
  struct BitShortlist {
    std::size_t shortlist = 0;
    std::vector<std::vector<ScoredSlot>> parts;  // each part's share of the shortlist, in no particular order
  };
  // ...and, in the same pass over the parts (one split to wait on), the `shortlist` best of those (at most
  // `bit_shortlist`) re-ranked by their bytes: up to `count`, best first. With both shortlists equal, the
  // same candidates as nearest(query, shortlist, count).
  std::vector<Candidate> best_by_bits_and_bytes(const float* query, std::size_t bit_shortlist, std::size_t shortlist,
                                                std::size_t count, BitShortlist& bits) const;
  // The later query: the `shortlist` best of a kept shortlist (at most bits.shortlist) re-ranked by their
  // bytes, as above.
  std::vector<Candidate> best_by_bytes(const float* query, const BitShortlist& bits, std::size_t shortlist,
                                       std::size_t count) const;
  // The `count` best of the live `slots` that `accept` (when given) accepts, by their bytes, best first.
  std::vector<Candidate> nearest_among(const float* query, const std::vector<std::uint32_t>& slots, std::size_t count,
                                       const std::function<bool(std::int64_t)>& accept = {}) const;

  struct ByteQuery {
    std::vector<std::int16_t> values;
    float scale = 0;  // component = value × scale
  };
  ByteQuery quantise_for_bytes(const float* query) const;
  // Distances by the bytes, smaller is closer: the negated inner product, or half the squared euclidean
  // distance, each up to a constant — per query for query_distance, shared by every pair for pair_distance —
  // so that one query's (or the pairs') distances compare among themselves. Erased slots keep theirs.
  float query_distance(const ByteQuery& query, std::size_t slot) const noexcept;
  float pair_distance(std::size_t a, std::size_t b) const noexcept;

  // Every code and term as they are, so that a set read back answers exactly as this one; read() returns
  // false (and leaves the set empty) for a stream that is not such a set of this dimension and ranking.
  void write(std::ostream& out) const;
  bool read(std::istream& in);

 private:
  void encode(std::size_t slot, const float* vector);
  float byte_codes(const float* vector, std::int8_t* bytes) const;
  bool keeps_originals() const noexcept;
  const float* vector_for_recentring(std::size_t slot, const std::vector<float>& old_centre,
                                     std::vector<float>& scratch) const;
  void grow_to(std::size_t slot_count);
  std::vector<float> bit_estimates(const QueryPlanes& planes, std::size_t first_block, std::size_t end_block) const;
  std::vector<ScoredSlot> accepted_best(const std::vector<float>& estimates, std::size_t first_slot,
                                        std::size_t shortlist, const std::function<bool(std::int64_t)>& accept) const;
  std::vector<ScoredSlot> reranked(const ByteQuery& byte_query, std::vector<ScoredSlot> best, std::size_t count) const;
  std::vector<std::vector<ScoredSlot>> all_reranked(const ByteQuery& byte_query,
                                                    const std::vector<std::vector<ScoredSlot>>& parts,
                                                    std::size_t count) const;
  std::size_t block_count() const noexcept;
  void score_by_bytes(const ByteQuery& byte_query, ScoredSlot* first, ScoredSlot* last) const;
  void prefetch_bytes(std::size_t slot) const noexcept;
  float byte_estimate(const ByteQuery& query, std::size_t slot) const;
  std::vector<Candidate> best_candidates(std::vector<ScoredSlot> scored, std::size_t count) const;
  std::vector<Candidate> merged_best(std::vector<std::vector<ScoredSlot>> parts, std::size_t count) const;

  std::size_t dimension_;
  VectorRanking ranking_;
  std::size_t words_;  // 64-bit words of sign bits per vector
  std::vector<float> centre_;
  std::vector<std::uint64_t> bits_;  // blocks of kBlockLanes vectors (ScanKernels.h)
  std::vector<std::int8_t> bytes_;
  SignTerms terms_;                 // per slot, what turns its sign bits into an estimate (ScanKernels.h)
  std::vector<float> byte_scales_;  // per slot: component − centre = byte × scale
  // Per slot, the graph distances' terms: |x|²/2 for euclidean (else 0), and that minus scale·(bytes·centre).
  std::vector<float> half_norms_;
  std::vector<float> pair_offsets_;
  // The stored float vectors by slot, while the centre is not final and every slot's is known.
  std::vector<float> originals_;
  bool originals_complete_ = true;
  std::vector<std::int64_t> ids_;
  std::vector<std::uint8_t> live_;
  std::size_t live_count_ = 0;
  std::size_t count_at_centring_ = 0;
};

}  // namespace killrvideo::host::embedded
