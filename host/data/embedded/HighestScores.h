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

// Higher score first; equal scores by slot, so that a selection is deterministic. An object, not a function:
// the standard selections take a function by pointer and then do not inline it.
struct ScoresHigher {
  bool operator()(const ScoredSlot& a, const ScoredSlot& b) const noexcept {
    return a.score != b.score ? a.score > b.score : a.slot < b.slot;
  }
};
inline constexpr ScoresHigher scores_higher{};

// The `count` highest of `scores` (index = slot), in no particular order. Slots scored -infinity are never
// returned, so fewer come back when fewer have a finite score.
std::vector<ScoredSlot> highest_scores(const std::vector<float>& scores, std::size_t count);
// The `count` highest of `scored` (all of them when fewer), in no particular order.
std::vector<ScoredSlot> highest_of(std::vector<ScoredSlot> scored, std::size_t count);

}  // namespace killrvideo::host::embedded
