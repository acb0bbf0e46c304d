#include "data/embedded/RescoringCutoff.h"

#include <cmath>

#include <gtest/gtest.h>

namespace killrvideo::host::embedded {
namespace {

// Cosine similarities are (1 + inner product) / 2: these helpers give the similarity whose inner product is
// `estimate + offset`, as a candidate whose estimate erred by `offset` would score.
float cosine_similarity_of(float estimate, float offset) { return (1 + estimate + offset) / 2; }

TEST(RescoringCutoffTest, ScoresEveryCandidateUntilKAreScoredAndTheMinimumIsReached) {
  RescoringCutoff cutoff(VectorMetric::Cosine, 2, 4);
  for (float estimate : {0.9f, 0.8f, 0.7f}) {
    EXPECT_TRUE(cutoff.must_score(estimate));
    cutoff.record(estimate, cosine_similarity_of(estimate, 0.1f));
  }
  // Three scored, the minimum is four: a hopeless candidate is still scored.
  EXPECT_TRUE(cutoff.must_score(-0.9f));
}

TEST(RescoringCutoffTest, StopsOnceAnEstimatePlusTheWorstErrorCannotReachTheKthScore) {
  RescoringCutoff cutoff(VectorMetric::Cosine, 2, 2);
  cutoff.record(0.90f, cosine_similarity_of(0.90f, 0.10f));  // 1.00 on the estimates' scale
  cutoff.record(0.80f, cosine_similarity_of(0.80f, 0.12f));  // 0.92: the k-th best; offsets 0.10..0.12
  // 0.78 + 0.12 + 0.02 = 0.92 could still tie the k-th; 0.77 cannot reach it.
  EXPECT_TRUE(cutoff.must_score(0.78f + 1e-4f));
  EXPECT_FALSE(cutoff.must_score(0.77f));
}

TEST(RescoringCutoffTest, TheSpreadOfTheErrorsSeenWidensTheBand) {
  RescoringCutoff cutoff(VectorMetric::Cosine, 1, 1);
  cutoff.record(0.5f, cosine_similarity_of(0.5f, 0.0f));
  EXPECT_FALSE(cutoff.must_score(0.45f));
  // An estimate that undershot by 0.3: the spread of offsets is now 0.3 and the k-th best is 0.8.
  cutoff.record(0.5f, cosine_similarity_of(0.5f, 0.3f));
  EXPECT_TRUE(cutoff.must_score(0.2f + 1e-4f));
  EXPECT_FALSE(cutoff.must_score(0.19f));
}

TEST(RescoringCutoffTest, EuclideanSimilaritiesAreComparedAsMinusHalfTheSquaredDistance) {
  RescoringCutoff cutoff(VectorMetric::Euclidean, 1, 1);
  // Squared distance 1: similarity 1/2, -0.5 on the estimates' scale; the estimate was exact.
  cutoff.record(-0.5f, 0.5f);
  EXPECT_TRUE(cutoff.must_score(-0.5f));
  EXPECT_FALSE(cutoff.must_score(-0.51f));
}

TEST(RescoringCutoffTest, ANaNScoreSaysNothingAboutTheError) {
  RescoringCutoff cutoff(VectorMetric::Cosine, 1, 1);
  cutoff.record(0.9f, std::nanf(""));
  // Nothing usable was recorded: k scores are not known yet, so the next candidate is scored.
  EXPECT_TRUE(cutoff.must_score(-1.0f));
}

}  // namespace
}  // namespace killrvideo::host::embedded
