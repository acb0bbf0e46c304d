#pragma once
// Exact scoring of an ANN search's final candidates on several threads, with the answer one thread gives.
//
// The candidates are scored in order of their estimate until RescoringCutoff says no later one can enter the
// k best. The leading ones it passes whatever their scores (surely_scored: k of them at least) are scored
// first, in order of row id, in chunks of consecutive ids the threads claim: rows looked up in key order
// share the b-tree pages on their way down (about 30% cheaper a row than in order of estimate), and a thread
// that starts late claims fewer chunks. Their results are then replayed in order of estimate. The rest are
// claimed in that order; each result is replayed in order under a lock, so the cutoff sees exactly the
// sequence a single thread would, and stops at the same candidate. A thread that claimed a candidate past
// that point has its result dropped: the answer never depends on the timing. A thread that falls behind has
// its candidate scored again by another, so none waits on it for long.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <vector>

#include "data/embedded/QuantizedVectors.h"
#include "data/embedded/RescoringCutoff.h"
#include "data/embedded/VectorIndex.h"

namespace killrvideo::host::embedded {

class InOrderScoring {
 public:
  // score(part, id, similarity): reads the candidate's vector through the part's own means (connection) and
  // sets its similarity; false when the row has no vector any more. Parts run at once.
  using Score = std::function<bool(std::size_t part, std::int64_t id, float& similarity)>;

  // Scores candidates[0, count) at most, best estimate first (the caller sorted them).
  InOrderScoring(const std::vector<QuantizedVectors::Candidate>& candidates, std::size_t count, RescoringCutoff& cutoff);

  // Runs on `parts` threads (ParallelRanges.h), part p calling score(p, …), until the cutoff stops it or every
  // candidate is scored. Returns the scored candidates in order of estimate.
  std::vector<ScoredId> run(std::size_t parts, const Score& score);

 private:
  enum class Outcome : std::uint8_t { Pending, Scored, Missing };
  struct Result {
    std::size_t index;
    Outcome outcome;
    float similarity;
  };
  struct Batch {
    std::size_t first = 0;
    std::size_t count = 0;
  };

  void score_surely_scored(std::size_t parts, const Score& score);
  void score_claimed(std::size_t part, const Score& score);
  bool settle_and_claim(const std::vector<Result>& results, Batch& batch);
  void replay();  // under lock_

  const std::vector<QuantizedVectors::Candidate>& candidates_;
  const std::size_t count_;
  RescoringCutoff& cutoff_;
  std::mutex lock_;
  std::vector<Outcome> outcomes_;
  std::vector<float> similarities_;
  std::size_t next_ = 0;      // the next candidate to claim
  std::size_t replayed_ = 0;  // candidates before it are settled and replayed
  bool stopped_ = false;
  std::vector<ScoredId> scored_;
};

}  // namespace killrvideo::host::embedded
