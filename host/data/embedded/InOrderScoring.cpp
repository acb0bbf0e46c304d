#include "data/embedded/InOrderScoring.h"

#include "data/embedded/ParallelRanges.h"

namespace killrvideo::host::embedded {

namespace {

// How far past the first unsettled candidate threads may claim.
constexpr std::size_t kRunAhead = 16;

}  // namespace

InOrderScoring::InOrderScoring(const std::vector<QuantizedVectors::Candidate>& candidates, std::size_t count,
                               RescoringCutoff& cutoff)
    : candidates_(candidates),
      count_(std::min(count, candidates.size())),
      cutoff_(cutoff),
      outcomes_(count_, Outcome::Pending),
      similarities_(count_, 0.0f) {}

std::vector<ScoredId> InOrderScoring::run(std::size_t parts, const Score& score) {
  {
    std::lock_guard hold(lock_);
    replay();  // the cutoff may refuse even the first candidate
  }
  for_each_range(parts, parts, [&](std::size_t part, std::size_t, std::size_t) { score_claimed(part, score); });
  return std::move(scored_);
}

void InOrderScoring::score_claimed(std::size_t part, const Score& score) {
  std::size_t index = 0;
  while (claim(index)) {
    float similarity = 0;
    const bool found = score(part, candidates_[index].id, similarity);
    settle(index, found ? Outcome::Scored : Outcome::Missing, similarity);
  }
}

// The next candidate, unless the threads are already kRunAhead past the first unsettled one: then that one,
// whoever claimed it. A thread slowed down (descheduled, a page fault) thus holds up the cutoff for one
// candidate's time at most, and the others never score far past where the cutoff stops.
bool InOrderScoring::claim(std::size_t& index) {
  std::lock_guard hold(lock_);
  if (stopped_) return false;
  if (next_ < count_ && next_ < replayed_ + kRunAhead) {
    index = next_++;
    return true;
  }
  if (replayed_ == next_) return false;  // every claimed candidate is settled, and none is left
  index = replayed_;
  return true;
}

void InOrderScoring::settle(std::size_t index, Outcome outcome, float similarity) {
  std::lock_guard hold(lock_);
  if (outcomes_[index] != Outcome::Pending) return;  // scored twice: both threads read the same row
  outcomes_[index] = outcome;
  similarities_[index] = similarity;
  replay();
}

// What one thread would do next, for as long as the results it needs are in: ask the cutoff, take the score.
void InOrderScoring::replay() {
  for (; !stopped_; ++replayed_) {
    if (replayed_ == count_ || !cutoff_.must_score(candidates_[replayed_].estimate)) {
      stopped_ = true;
      return;
    }
    if (outcomes_[replayed_] == Outcome::Pending) return;
    if (outcomes_[replayed_] == Outcome::Scored) {
      scored_.push_back({candidates_[replayed_].id, similarities_[replayed_]});
      cutoff_.record(candidates_[replayed_].estimate, similarities_[replayed_]);
    }
  }
}

}  // namespace killrvideo::host::embedded
