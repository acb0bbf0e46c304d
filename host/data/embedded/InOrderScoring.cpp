#include "data/embedded/InOrderScoring.h"

#include <algorithm>
#include <numeric>

#include "data/embedded/ParallelRanges.h"

namespace killrvideo::host::embedded {

namespace {

// Candidates are claimed a few at a time (a lock per candidate had two threads waking each other some 200
// times a search), and no further than kRunAhead past the first unsettled one.
constexpr std::size_t kClaimBatch = 8;
constexpr std::size_t kRunAhead = 32;
// The margin past k (80 candidates for 1,000 results) is scored on two threads: on one, 80 rows read out of
// key order took 210-290 µs of the request's time.
constexpr std::size_t kMinClaimedPerPart = 32;
// The surely scored are read in chunks of consecutive row ids that the threads claim: a helper starts some
// 30-50 µs after the caller, and with fixed halves the caller then waited that long at the end.
constexpr std::size_t kSurelyScoredChunk = 32;

}  // namespace

InOrderScoring::InOrderScoring(const std::vector<QuantizedVectors::Candidate>& candidates, std::size_t count,
                               RescoringCutoff& cutoff)
    : candidates_(candidates),
      count_(std::min(count, candidates.size())),
      cutoff_(cutoff),
      outcomes_(count_, Outcome::Pending),
      similarities_(count_, 0.0f) {}

std::vector<ScoredId> InOrderScoring::run(std::size_t parts, const Score& score) {
  score_surely_scored(parts, score);
  {
    std::lock_guard hold(lock_);
    replay();  // the cutoff may refuse even the first candidate
  }
  if (stopped_) return std::move(scored_);
  // A few left (the margin past k, which the cutoff usually stops early) are not worth waking a helper for
  // and waiting on it.
  const std::size_t claiming = count_ - next_ >= kMinClaimedPerPart * parts ? parts : 1;
  for_each_range(claiming, claiming, [&](std::size_t part, std::size_t, std::size_t) { score_claimed(part, score); });
  return std::move(scored_);
}

void InOrderScoring::score_surely_scored(std::size_t parts, const Score& score) {
  const std::size_t surely = std::min(count_, cutoff_.surely_scored());
  if (surely == 0) return;
  std::vector<std::size_t> by_id(surely);
  std::iota(by_id.begin(), by_id.end(), std::size_t{0});
  std::sort(by_id.begin(), by_id.end(), [this](std::size_t a, std::size_t b) { return candidates_[a].id < candidates_[b].id; });
  // Each thread writes the outcomes of the chunks it claimed only.
  for_each_chunk(surely, parts, kSurelyScoredChunk, [&](std::size_t part, std::size_t begin, std::size_t end) {
    for (std::size_t at = begin; at < end; ++at) {
      const std::size_t index = by_id[at];
      outcomes_[index] = score(part, candidates_[index].id, similarities_[index]) ? Outcome::Scored : Outcome::Missing;
    }
  });
  next_ = surely;
}

void InOrderScoring::score_claimed(std::size_t part, const Score& score) {
  std::vector<Result> results;  // of the batch just scored
  Batch batch;
  while (settle_and_claim(results, batch)) {
    results.clear();
    for (std::size_t index = batch.first; index < batch.first + batch.count; ++index) {
      float similarity = 0;
      const bool found = score(part, candidates_[index].id, similarity);
      results.push_back({index, found ? Outcome::Scored : Outcome::Missing, similarity});
    }
  }
}

// Under one lock: records a thread's results, replays what they complete, and hands it the next batch, up to
// kClaimBatch candidates but no more than kRunAhead past the first unsettled one. Once that far ahead, the
// thread gets the first unsettled candidate, whoever claimed it: a thread slowed down (descheduled, a page
// fault) holds up the cutoff for one candidate's time at most, and the others never score far past it.
bool InOrderScoring::settle_and_claim(const std::vector<Result>& results, Batch& batch) {
  std::lock_guard hold(lock_);
  for (const Result& result : results) {
    if (outcomes_[result.index] != Outcome::Pending) continue;  // scored twice: both threads read the same row
    outcomes_[result.index] = result.outcome;
    similarities_[result.index] = result.similarity;
  }
  replay();
  if (stopped_) return false;
  if (next_ < count_ && next_ < replayed_ + kRunAhead) {
    batch = {next_, std::min({kClaimBatch, count_ - next_, replayed_ + kRunAhead - next_})};
    next_ += batch.count;
    return true;
  }
  if (replayed_ == next_) return false;  // every claimed candidate is settled, and none is left
  batch = {replayed_, 1};
  return true;
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
