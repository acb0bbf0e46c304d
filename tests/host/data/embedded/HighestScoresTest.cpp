#include "data/embedded/HighestScores.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <random>
#include <vector>

namespace killrvideo::host::embedded {
namespace {

constexpr float kNone = -std::numeric_limits<float>::infinity();

std::vector<std::uint32_t> sorted_slots(std::vector<ScoredSlot> selected) {
  std::sort(selected.begin(), selected.end(), scores_higher);
  std::vector<std::uint32_t> slots;
  for (const auto& entry : selected) slots.push_back(entry.slot);
  return slots;
}

std::vector<std::uint32_t> by_sorting_everything(const std::vector<float>& scores, std::size_t count) {
  std::vector<ScoredSlot> all;
  for (std::size_t slot = 0; slot < scores.size(); ++slot)
    if (scores[slot] != kNone) all.push_back({scores[slot], static_cast<std::uint32_t>(slot)});
  std::sort(all.begin(), all.end(), scores_higher);
  all.resize(std::min(count, all.size()));
  return sorted_slots(all);
}

std::vector<float> gaussian_scores(std::size_t count, unsigned seed) {
  std::mt19937 generator(seed);
  std::normal_distribution<float> score;
  std::vector<float> scores(count);
  for (auto& value : scores) value = score(generator);
  return scores;
}

TEST(HighestScoresTest, AreExactlyTheTopOfALargeSetWhateverTheCount) {
  const auto scores = gaussian_scores(100000, 1);
  for (const std::size_t count : {1u, 10u, 3125u, 20000u, 99999u})
    EXPECT_EQ(sorted_slots(highest_scores(scores, count)), by_sorting_everything(scores, count)) << count;
}

TEST(HighestScoresTest, AreExactlyTheTopOfASmallSet) {
  const std::vector<float> scores{0.5f, 2.0f, -1.0f, 3.0f, 0.0f};
  EXPECT_EQ(sorted_slots(highest_scores(scores, 2)), (std::vector<std::uint32_t>{3, 1}));
}

TEST(HighestScoresTest, NeverReturnSlotsWithoutAScoreAndReturnFewerWhenFewerHaveOne) {
  auto scores = gaussian_scores(50000, 2);
  for (std::size_t slot = 0; slot < scores.size(); ++slot)
    if (slot % 1000 != 0) scores[slot] = kNone;

  const auto selected = highest_scores(scores, 100);

  EXPECT_EQ(selected.size(), 50u);
  for (const auto& entry : selected) EXPECT_EQ(entry.slot % 1000, 0u);
}

TEST(HighestScoresTest, TiesAreBrokenByTheLowerSlot) {
  const std::vector<float> scores(20000, 1.0f);
  EXPECT_EQ(sorted_slots(highest_scores(scores, 3)), (std::vector<std::uint32_t>{0, 1, 2}));
}

TEST(HighestScoresTest, ATopCrowdedWithOneValueStillComesBackWhole) {
  // The sampled threshold equals the crowded value, so everything at it clears, and the ties are then cut.
  auto scores = gaussian_scores(40000, 3);
  for (std::size_t slot = 0; slot < 5000; ++slot) scores[slot * 8] = 100.0f;
  EXPECT_EQ(sorted_slots(highest_scores(scores, 4000)), by_sorting_everything(scores, 4000));
}

TEST(HighestScoresTest, ScoresInARepeatingPatternAreSelectedExactly) {
  // Slots inserted in a pattern that repeats every 12 (the sampling stride of 50,000 scores): one slot in 12
  // scores high. Sampled at the start of each stride, every sample would be a high one.
  auto scores = gaussian_scores(50000, 4);
  for (std::size_t slot = 0; slot < scores.size(); slot += 12) scores[slot] += 10.0f;
  for (const std::size_t count : {100u, 3125u, 8000u})
    EXPECT_EQ(sorted_slots(highest_scores(scores, count)), by_sorting_everything(scores, count)) << count;
}

TEST(HighestScoresTest, ALongListCutAtASampledKeyKeepsExactlyItsTop) {
  // highest_of samples a long list before it selects; the answer is the full sort's, patterned data included.
  auto scores = gaussian_scores(8000, 5);
  for (std::size_t slot = 0; slot < scores.size(); slot += 15) scores[slot] += 10.0f;
  std::vector<ScoredSlot> scored;
  for (std::size_t slot = 0; slot < scores.size(); ++slot) scored.push_back({scores[slot], static_cast<std::uint32_t>(slot)});
  for (const std::size_t count : {1u, 180u, 534u, 1080u, 1999u, 2000u})
    EXPECT_EQ(sorted_slots(highest_of(scored, count)), by_sorting_everything(scores, count)) << count;
}

}  // namespace
}  // namespace killrvideo::host::embedded
