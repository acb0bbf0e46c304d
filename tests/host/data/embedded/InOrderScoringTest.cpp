#include "data/embedded/InOrderScoring.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <random>
#include <thread>
#include <vector>

namespace killrvideo::host::embedded {
namespace {

using Candidate = QuantizedVectors::Candidate;

// 2,000 candidates, best estimate first; each exact inner product is its estimate plus an error of up to
// ±0.02, and every 17th row has no vector any more.
struct Fixture {
  std::vector<Candidate> candidates;
  std::vector<float> exact;
  Fixture() {
    std::mt19937 generator(11);
    std::uniform_real_distribution<float> error(-0.02f, 0.02f);
    for (std::size_t i = 0; i < 2000; ++i) {
      const float estimate = 0.9f - 0.0004f * static_cast<float>(i);
      candidates.push_back({i, static_cast<std::int64_t>(1000 + i), estimate});
      exact.push_back(estimate + error(generator));
    }
  }
  bool score(std::int64_t id, float& similarity) const {
    const auto index = static_cast<std::size_t>(id - 1000);
    if (index % 17 == 0) return false;
    similarity = (1 + exact[index]) / 2;  // cosine similarity of that inner product
    return true;
  }
};

// What one thread does: the loop InOrderScoring must reproduce.
std::vector<ScoredId> scored_in_turn(const Fixture& fixture, std::size_t k, std::size_t count) {
  RescoringCutoff cutoff(VectorMetric::Cosine, k, 64);
  std::vector<ScoredId> scored;
  for (std::size_t i = 0; i < count && cutoff.must_score(fixture.candidates[i].estimate); ++i) {
    float similarity = 0;
    if (!fixture.score(fixture.candidates[i].id, similarity)) continue;
    scored.push_back({fixture.candidates[i].id, similarity});
    cutoff.record(fixture.candidates[i].estimate, similarity);
  }
  return scored;
}

void expect_same(const std::vector<ScoredId>& actual, const std::vector<ScoredId>& expected) {
  ASSERT_EQ(actual.size(), expected.size());
  for (std::size_t i = 0; i < actual.size(); ++i) {
    EXPECT_EQ(actual[i].id, expected[i].id) << "at " << i;
    EXPECT_EQ(actual[i].similarity, expected[i].similarity) << "at " << i;
  }
}

TEST(InOrderScoringTest, OneThreadScoresWhatTheLoopScores) {
  const Fixture fixture;
  RescoringCutoff cutoff(VectorMetric::Cosine, 100, 64);
  const auto scored = InOrderScoring(fixture.candidates, 1266, cutoff)
                          .run(1, [&](std::size_t, std::int64_t id, float& similarity) { return fixture.score(id, similarity); });
  const auto expected = scored_in_turn(fixture, 100, 1266);
  // The cutoff stops well before the last candidate it was allowed: the test checks a stop, not a run to the end.
  EXPECT_LT(expected.size(), 1000U);
  expect_same(scored, expected);
}

TEST(InOrderScoringTest, ManyThreadsAtUnevenSpeedsScoreWhatOneThreadScores) {
  const Fixture fixture;
  const auto expected = scored_in_turn(fixture, 100, 1266);
  for (const std::size_t parts : {2, 3, 4}) {
    RescoringCutoff cutoff(VectorMetric::Cosine, 100, 64);
    std::atomic<int> calls{0};
    const auto scored = InOrderScoring(fixture.candidates, 1266, cutoff)
                            .run(parts, [&](std::size_t part, std::int64_t id, float& similarity) {
                              ++calls;
                              // Part 1 is slow: its results settle after later candidates' do.
                              if (part == 1) std::this_thread::sleep_for(std::chrono::microseconds(50));
                              return fixture.score(id, similarity);
                            });
    expect_same(scored, expected);
    // The fast threads score again what the slow one holds, and run a little past the stop: never through
    // the rest of the list (1,266).
    EXPECT_LE(calls.load(), static_cast<int>(2 * (expected.size() + expected.size() / 16) + 32)) << parts;
  }
}

TEST(InOrderScoringTest, ScoresTheSurelyScoredInOrderOfIdAndAnswersInOrderOfEstimate) {
  Fixture fixture;
  // Ids no longer follow the estimates: candidate i has id 1000 + (i * 7919) % 2000.
  for (std::size_t i = 0; i < fixture.candidates.size(); ++i) fixture.candidates[i].id = static_cast<std::int64_t>(1000 + (i * 7919) % 2000);
  std::vector<float> exact(fixture.exact.size());
  for (std::size_t i = 0; i < exact.size(); ++i) exact[static_cast<std::size_t>(fixture.candidates[i].id - 1000)] = fixture.exact[i];
  fixture.exact = exact;
  const auto expected = scored_in_turn(fixture, 100, 1266);
  RescoringCutoff cutoff(VectorMetric::Cosine, 100, 64);
  std::vector<std::int64_t> calls;
  const auto scored = InOrderScoring(fixture.candidates, 1266, cutoff).run(1, [&](std::size_t, std::int64_t id, float& similarity) {
    calls.push_back(id);
    return fixture.score(id, similarity);
  });
  expect_same(scored, expected);
  ASSERT_GE(calls.size(), cutoff.surely_scored());
  EXPECT_TRUE(std::is_sorted(calls.begin(), calls.begin() + static_cast<std::ptrdiff_t>(cutoff.surely_scored())));
  EXPECT_FALSE(std::is_sorted(calls.begin(), calls.end())) << "the rest are claimed in order of estimate";
}

TEST(InOrderScoringTest, ScoresNothingWhenThereAreNoCandidates) {
  RescoringCutoff cutoff(VectorMetric::Cosine, 10, 10);
  const std::vector<Candidate> none;
  int calls = 0;
  const auto scored = InOrderScoring(none, 100, cutoff).run(2, [&](std::size_t, std::int64_t, float&) {
    ++calls;
    return true;
  });
  EXPECT_TRUE(scored.empty());
  EXPECT_EQ(calls, 0);
}

}  // namespace
}  // namespace killrvideo::host::embedded
