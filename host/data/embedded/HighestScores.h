#pragma once
// The few highest of many scores, in time linear in their number: a sample of the scores sets a threshold
// a little below the wanted rank, one pass keeps what clears it, and only those are ordered.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace killrvideo::host::embedded {

struct ScoredSlot {
  float score;
  std::uint32_t slot;
};

// Higher score first; equal scores by slot, so that a selection is deterministic.
inline bool scores_higher(const ScoredSlot& a, const ScoredSlot& b) noexcept {
  return a.score != b.score ? a.score > b.score : a.slot < b.slot;
}

// The `count` highest of `scores` (index = slot), in no particular order. Slots scored -infinity are never
// returned, so fewer come back when fewer have a finite score.
std::vector<ScoredSlot> highest_scores(const std::vector<float>& scores, std::size_t count);

}  // namespace killrvideo::host::embedded
