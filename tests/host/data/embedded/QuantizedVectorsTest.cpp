#include "data/embedded/QuantizedVectors.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <set>
#include <sstream>
#include <vector>

namespace killrvideo::host::embedded {
namespace {

using Vector = std::vector<float>;

std::vector<Vector> gaussian_vectors(std::size_t count, std::size_t dimension, unsigned seed, float offset = 0) {
  std::mt19937 generator(seed);
  std::normal_distribution<float> component;
  std::vector<Vector> vectors(count, Vector(dimension));
  for (auto& vector : vectors)
    for (auto& value : vector) value = offset + component(generator);
  return vectors;
}

float dot(const Vector& a, const Vector& b) {
  double sum = 0;
  for (std::size_t i = 0; i < a.size(); ++i) sum += static_cast<double>(a[i]) * b[i];
  return static_cast<float>(sum);
}

float squared_distance(const Vector& a, const Vector& b) {
  double sum = 0;
  for (std::size_t i = 0; i < a.size(); ++i) sum += (static_cast<double>(a[i]) - b[i]) * (a[i] - b[i]);
  return static_cast<float>(sum);
}

std::vector<std::int64_t> exact_top(const std::vector<Vector>& vectors, const Vector& query, VectorRanking ranking,
                                    std::size_t k) {
  std::vector<std::pair<float, std::int64_t>> scored;
  for (std::size_t id = 0; id < vectors.size(); ++id)
    scored.push_back({ranking == VectorRanking::InnerProduct ? dot(query, vectors[id])
                                                             : -squared_distance(query, vectors[id]),
                      static_cast<std::int64_t>(id)});
  std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(k), scored.end(),
                    [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<std::int64_t> ids;
  for (std::size_t i = 0; i < k; ++i) ids.push_back(scored[i].second);
  return ids;
}

std::vector<std::int64_t> ids_of(const std::vector<QuantizedVectors::Candidate>& candidates) {
  std::vector<std::int64_t> ids;
  for (const auto& candidate : candidates) ids.push_back(candidate.id);
  return ids;
}

// Stores every vector (id = slot) and re-centres whenever asked, as VectorIndex does.
void store_all(QuantizedVectors& codes, const std::vector<Vector>& vectors) {
  for (std::size_t slot = 0; slot < vectors.size(); ++slot) {
    codes.store(slot, static_cast<std::int64_t>(slot), vectors[slot].data());
    if (codes.centre_is_stale()) codes.recentre();
  }
}

std::size_t found(const std::vector<std::int64_t>& returned, const std::vector<std::int64_t>& wanted) {
  std::size_t hits = 0;
  for (const auto id : wanted) hits += static_cast<std::size_t>(std::count(returned.begin(), returned.end(), id));
  return hits;
}

// How many of the exact top 10 the 36 best guesses of a 1/16 shortlist hold, over `queries` queries.
double recall_at_ten(const std::vector<Vector>& vectors, VectorRanking ranking, std::size_t queries, float offset) {
  QuantizedVectors codes(vectors.front().size(), ranking);
  store_all(codes, vectors);
  std::size_t hits = 0;
  for (const auto& query : gaussian_vectors(queries, vectors.front().size(), 99, offset)) {
    const auto returned = ids_of(codes.nearest(query.data(), vectors.size() / 16, 36));
    hits += found(returned, exact_top(vectors, query, ranking, 10));
  }
  return static_cast<double>(hits) / static_cast<double>(10 * queries);
}

TEST(QuantizedVectorsTest, TheBestGuessesHoldTheTrueNearestByInnerProduct) {
  const auto vectors = gaussian_vectors(20000, 256, 1);
  EXPECT_GE(recall_at_ten(vectors, VectorRanking::InnerProduct, 20, 0), 0.95);
}

TEST(QuantizedVectorsTest, TheBestGuessesHoldTheTrueNearestByEuclideanDistance) {
  const auto vectors = gaussian_vectors(20000, 256, 2);
  EXPECT_GE(recall_at_ten(vectors, VectorRanking::Euclidean, 20, 0), 0.95);
}

// Every component positive: uncentred, every sign bit would be 1 and say nothing. The centre fixes that.
TEST(QuantizedVectorsTest, VectorsFarFromTheOriginAreRankedAsWellOnceCentred) {
  const auto vectors = gaussian_vectors(20000, 256, 3, 10.0f);
  EXPECT_GE(recall_at_ten(vectors, VectorRanking::InnerProduct, 20, 10.0f), 0.95);
}

TEST(QuantizedVectorsTest, AShortlistOfEverythingIsExactUpToTheBytesPrecision) {
  const auto vectors = gaussian_vectors(300, 64, 4);
  QuantizedVectors codes(64, VectorRanking::InnerProduct);
  store_all(codes, vectors);
  const auto query = gaussian_vectors(1, 64, 5)[0];
  const auto returned = ids_of(codes.nearest(query.data(), 300, 10));
  EXPECT_GE(found(returned, exact_top(vectors, query, VectorRanking::InnerProduct, 5)), 5u);
}

TEST(QuantizedVectorsTest, ErasedSlotsAreNeverReturnedAndStoringAgainRevivesThem) {
  const auto vectors = gaussian_vectors(200, 32, 6);
  QuantizedVectors codes(32, VectorRanking::Euclidean);
  store_all(codes, vectors);
  for (std::size_t slot = 0; slot < 200; slot += 2) codes.erase(slot);
  codes.erase(0);  // twice: no effect
  EXPECT_EQ(codes.live_count(), 100u);

  for (const auto id : ids_of(codes.nearest(vectors[0].data(), 200, 200)))
    EXPECT_EQ(id % 2, 1);

  codes.store(0, 0, vectors[0].data());
  EXPECT_EQ(ids_of(codes.nearest(vectors[0].data(), 200, 1)),
            (std::vector<std::int64_t>{0}));
}

TEST(QuantizedVectorsTest, StoringASlotAgainReplacesItsVectorAndId) {
  const auto vectors = gaussian_vectors(100, 32, 7);
  QuantizedVectors codes(32, VectorRanking::Euclidean);
  store_all(codes, vectors);
  codes.store(5, 5005, vectors[42].data());
  EXPECT_EQ(codes.live_count(), 100u);
  const auto best = codes.nearest(vectors[42].data(), 100, 2);
  ASSERT_EQ(best.size(), 2u);
  EXPECT_EQ(std::min(best[0].id, best[1].id), 42);
  EXPECT_EQ(std::max(best[0].id, best[1].id), 5005);
}

TEST(QuantizedVectorsTest, AcceptIsAskedBestFirstAndOnlyAcceptedSlotsComeBack) {
  const auto vectors = gaussian_vectors(20000, 128, 8);
  QuantizedVectors codes(128, VectorRanking::InnerProduct);
  store_all(codes, vectors);
  const auto query = gaussian_vectors(1, 128, 9)[0];
  std::vector<std::int64_t> asked;
  const auto every_seventh = [&asked](std::int64_t id) {
    asked.push_back(id);
    return id % 7 == 0;
  };

  const auto returned = codes.nearest(query.data(), 100, 10, every_seventh);

  ASSERT_EQ(returned.size(), 10u);
  for (const auto& candidate : returned) EXPECT_EQ(candidate.id % 7, 0);
  EXPECT_LT(asked.size(), 20000u / 2) << "a filter taking one in seven should not be asked of most vectors";
  EXPECT_EQ(std::set<std::int64_t>(asked.begin(), asked.end()).size(), asked.size()) << "asked twice";
}

TEST(QuantizedVectorsTest, AFilterTakingNothingReturnsNothingAfterAskingEveryVectorOnce) {
  const auto vectors = gaussian_vectors(5000, 16, 10);
  QuantizedVectors codes(16, VectorRanking::InnerProduct);
  store_all(codes, vectors);
  std::size_t asked = 0;
  const auto none = [&asked](std::int64_t) {
    ++asked;
    return false;
  };
  EXPECT_TRUE(codes.nearest(vectors[0].data(), 50, 10, none).empty());
  EXPECT_EQ(asked, 5000u);
}

TEST(QuantizedVectorsTest, TheCentreGoesStaleEachTimeTheCountDoublesUpToEightThousand) {
  const auto vectors = gaussian_vectors(20000, 8, 11);
  QuantizedVectors codes(8, VectorRanking::InnerProduct);
  std::vector<std::size_t> rebuilt_at;
  for (std::size_t slot = 0; slot < vectors.size(); ++slot) {
    codes.store(slot, static_cast<std::int64_t>(slot), vectors[slot].data());
    if (codes.centre_is_stale()) {
      rebuilt_at.push_back(codes.live_count());
      codes.recentre();
    }
  }
  EXPECT_EQ(rebuilt_at, (std::vector<std::size_t>{64, 128, 256, 512, 1024, 2048, 4096, 8192}));
}

TEST(QuantizedVectorsTest, ClearForgetsEverything) {
  const auto vectors = gaussian_vectors(100, 8, 12);
  QuantizedVectors codes(8, VectorRanking::InnerProduct);
  store_all(codes, vectors);
  codes.clear();
  EXPECT_EQ(codes.live_count(), 0u);
  EXPECT_TRUE(codes.nearest(vectors[0].data(), 10, 10).empty());
}

TEST(QuantizedVectorsTest, ASlotHoldsTheVectorItsCodesCameFrom) {
  const auto vectors = gaussian_vectors(100, 16, 13);
  QuantizedVectors codes(16, VectorRanking::InnerProduct);
  store_all(codes, vectors);
  EXPECT_TRUE(codes.holds(7, vectors[7].data()));
  EXPECT_FALSE(codes.holds(7, vectors[8].data()));
  codes.store(7, 7, vectors[8].data());
  EXPECT_TRUE(codes.holds(7, vectors[8].data()));
  codes.erase(7);
  EXPECT_FALSE(codes.holds(7, vectors[8].data())) << "an erased slot holds nothing";
  EXPECT_FALSE(codes.holds(500, vectors[8].data())) << "nor does a slot never stored";
}

// The graph's distances rank like the true ones: by the query's distance and by a stored vector's.
TEST(QuantizedVectorsTest, GraphDistancesRankLikeTheTrueDistances) {
  for (const auto ranking : {VectorRanking::InnerProduct, VectorRanking::Euclidean}) {
    const auto vectors = gaussian_vectors(2000, 64, 14, 1.0f);
    QuantizedVectors codes(64, ranking);
    store_all(codes, vectors);
    const auto truth = [&](const Vector& a, const Vector& b) {
      return ranking == VectorRanking::InnerProduct ? -dot(a, b) : squared_distance(a, b) / 2;
    };
    const auto query = codes.quantise_for_bytes(vectors[0].data());
    std::size_t agreeing = 0, pairs = 0;
    for (std::size_t a = 1; a + 1 < vectors.size(); a += 2, ++pairs) {
      const bool truly_closer = truth(vectors[0], vectors[a]) < truth(vectors[0], vectors[a + 1]);
      agreeing += (codes.query_distance(query, a) < codes.query_distance(query, a + 1)) == truly_closer;
      agreeing += (codes.pair_distance(0, a) < codes.pair_distance(0, a + 1)) == truly_closer;
      EXPECT_FLOAT_EQ(codes.pair_distance(a, a + 1), codes.pair_distance(a + 1, a));
    }
    EXPECT_GE(static_cast<double>(agreeing) / static_cast<double>(2 * pairs), 0.97);
  }
}

TEST(QuantizedVectorsTest, WrittenCodesReadBackAnswerTheSame) {
  const auto vectors = gaussian_vectors(3000, 48, 15);
  QuantizedVectors codes(48, VectorRanking::Euclidean);
  store_all(codes, vectors);
  codes.erase(11);
  std::stringstream file;
  codes.write(file);

  QuantizedVectors read(48, VectorRanking::Euclidean);
  ASSERT_TRUE(read.read(file));
  EXPECT_EQ(read.live_count(), 2999u);
  EXPECT_FALSE(read.is_live(11));
  for (std::size_t slot = 0; slot < 3000; slot += 97) {
    const auto expected = codes.nearest(vectors[slot].data(), 200, 10);
    const auto actual = read.nearest(vectors[slot].data(), 200, 10);
    ASSERT_EQ(ids_of(actual), ids_of(expected));
  }
}

TEST(QuantizedVectorsTest, CodesOfAnotherShapeOrCutShortAreNotRead) {
  const auto vectors = gaussian_vectors(100, 16, 16);
  QuantizedVectors codes(16, VectorRanking::InnerProduct);
  store_all(codes, vectors);
  std::stringstream file;
  codes.write(file);
  const auto written = file.str();

  std::stringstream same(written);
  QuantizedVectors other_dimension(8, VectorRanking::InnerProduct);
  EXPECT_FALSE(other_dimension.read(same));
  std::stringstream again(written);
  QuantizedVectors other_ranking(16, VectorRanking::Euclidean);
  EXPECT_FALSE(other_ranking.read(again));
  std::stringstream cut(written.substr(0, written.size() - 1));
  QuantizedVectors truncated(16, VectorRanking::InnerProduct);
  EXPECT_FALSE(truncated.read(cut));
  EXPECT_EQ(truncated.live_count(), 0u);
}

// An index read back before its centre was final has no float vectors left: a later re-centring starts
// from the decoded bytes and must keep the ranking as good.
TEST(QuantizedVectorsTest, ReCentringAfterAReadKeepsTheRanking) {
  const auto vectors = gaussian_vectors(6000, 128, 17, 3.0f);
  QuantizedVectors codes(128, VectorRanking::InnerProduct);
  const std::vector<Vector> first(vectors.begin(), vectors.begin() + 100);
  store_all(codes, first);
  std::stringstream file;
  codes.write(file);
  QuantizedVectors read(128, VectorRanking::InnerProduct);
  ASSERT_TRUE(read.read(file));
  for (std::size_t slot = 100; slot < vectors.size(); ++slot) {
    read.store(slot, static_cast<std::int64_t>(slot), vectors[slot].data());
    if (read.centre_is_stale()) read.recentre();
  }
  std::size_t hits = 0;
  const auto queries = gaussian_vectors(20, 128, 18, 3.0f);
  for (const auto& query : queries)
    hits += found(ids_of(read.nearest(query.data(), vectors.size() / 16, 36)),
                  exact_top(vectors, query, VectorRanking::InnerProduct, 10));
  EXPECT_GE(static_cast<double>(hits) / 200.0, 0.95);
}

}  // namespace
}  // namespace killrvideo::host::embedded
