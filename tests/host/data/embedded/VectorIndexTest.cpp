#include "data/embedded/VectorIndex.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <thread>
#include <vector>

namespace killrvideo::host::embedded {
namespace {

using Vector = std::vector<float>;
namespace fs = std::filesystem;

std::vector<Vector> random_vectors(std::size_t count, std::size_t dimension, unsigned seed) {
  std::mt19937 generator(seed);
  std::normal_distribution<float> component;
  std::vector<Vector> vectors(count, Vector(dimension));
  for (auto& vector : vectors)
    for (auto& value : vector) value = component(generator);
  return vectors;
}

std::vector<std::int64_t> ids_of(const std::vector<ScoredId>& results) {
  std::vector<std::int64_t> ids;
  for (const auto& result : results) ids.push_back(result.id);
  return ids;
}

// The exact answer: every accepted vector scored with similarity(), most similar first, ties by id.
std::vector<ScoredId> brute_force(VectorMetric metric, const std::vector<Vector>& vectors, const Vector& query,
                                  std::size_t k, const std::function<bool(std::int64_t)>& accept) {
  std::vector<ScoredId> scored;
  for (std::size_t row = 0; row < vectors.size(); ++row) {
    const auto id = static_cast<std::int64_t>(row);
    if (accept(id)) scored.push_back({id, similarity(metric, query.data(), vectors[row].data(), query.size())});
  }
  std::sort(scored.begin(), scored.end(), [](const ScoredId& a, const ScoredId& b) {
    return a.similarity != b.similarity ? a.similarity > b.similarity : a.id < b.id;
  });
  scored.resize(std::min(k, scored.size()));
  return scored;
}

// The index with what the engine keeps in SQLite beside it: every id's vector, which the index reads back
// to score its final candidates exactly. A reopened index shares its predecessor's rows, as a reopened
// database would.
class IndexedVectors {
 public:
  IndexedVectors(fs::path file, std::size_t dimension, VectorMetric metric,
                 std::size_t max_scanned_components = kMaxScannedComponents)
      : index_(std::move(file), dimension, metric, max_scanned_components), rows_(std::make_shared<Rows>()) {}
  IndexedVectors(fs::path file, std::size_t dimension, VectorMetric metric, const IndexedVectors& reopened,
                 std::size_t max_scanned_components = kMaxScannedComponents)
      : index_(std::move(file), dimension, metric, max_scanned_components), rows_(reopened.rows_) {}

  void upsert(std::int64_t id, const float* vector) {
    {
      std::lock_guard hold(rows_->lock);
      rows_->vectors[id] = Vector(vector, vector + index_.dimension());
    }
    index_.upsert(id, vector);
  }
  void remove(std::int64_t id) {
    {
      std::lock_guard hold(rows_->lock);
      rows_->vectors.erase(id);
    }
    index_.remove(id);
  }
  std::vector<ScoredId> search(const float* query, std::size_t k,
                               const std::function<bool(std::int64_t)>& accept = {}) const {
    return index_.search(query, k, lookup(), accept);
  }
  VectorLookup lookup() const {
    return [rows = rows_](std::int64_t id, std::vector<float>& vector) {
      std::lock_guard hold(rows->lock);
      const auto found = rows->vectors.find(id);
      if (found == rows->vectors.end()) return false;
      vector = found->second;
      return true;
    };
  }
  bool load(std::uint64_t stamp) { return index_.load(stamp); }
  void save(std::uint64_t stamp) const { index_.save(stamp); }
  void clear() {
    {
      std::lock_guard hold(rows_->lock);
      rows_->vectors.clear();
    }
    index_.clear();
  }
  std::size_t size() const { return index_.size(); }
  bool has_graph() const { return index_.has_graph(); }

 private:
  struct Rows {
    std::mutex lock;
    std::map<std::int64_t, Vector> vectors;
  };
  VectorIndex index_;
  std::shared_ptr<Rows> rows_;
};

void insert_all(IndexedVectors& index, const std::vector<Vector>& vectors) {
  for (std::size_t id = 0; id < vectors.size(); ++id) index.upsert(static_cast<std::int64_t>(id), vectors[id].data());
}

class VectorIndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
    directory_ = fs::temp_directory_path() / ("vector-index-test-" + std::to_string(::getpid()) + "-" + test->name());
    fs::create_directories(directory_);
  }
  void TearDown() override { fs::remove_all(directory_); }

  fs::path file() const { return directory_ / "index.hnsw"; }
  fs::path meta_file() const { return directory_ / "index.hnsw.meta"; }

  fs::path directory_;
};

// --- metric names and similarity formulas (data-api-wire §6) ---

TEST(VectorMetricTest, ParsesAndPrintsTheThreeDataApiNames) {
  for (const auto metric : {VectorMetric::Cosine, VectorMetric::DotProduct, VectorMetric::Euclidean}) {
    VectorMetric parsed = VectorMetric::Cosine;
    ASSERT_TRUE(parse_vector_metric(to_string(metric), parsed));
    EXPECT_EQ(parsed, metric);
  }
  EXPECT_STREQ(to_string(VectorMetric::DotProduct), "dot_product");
  VectorMetric untouched = VectorMetric::Euclidean;
  EXPECT_FALSE(parse_vector_metric("COSINE", untouched));
  EXPECT_FALSE(parse_vector_metric("l2", untouched));
  EXPECT_EQ(untouched, VectorMetric::Euclidean);
}

TEST(SimilarityTest, CosineIsOneForTheSameDirectionHalfForOrthogonalZeroForOpposite) {
  const Vector a{0.3f, -1.7f, 2.5f};
  const Vector twice_a{0.6f, -3.4f, 5.0f};
  const Vector minus_a{-0.3f, 1.7f, -2.5f};
  const Vector orthogonal_to_b{1.0f, 2.0f, 0.0f};
  const Vector b{-2.0f, 1.0f, 5.0f};
  EXPECT_EQ(similarity(VectorMetric::Cosine, a.data(), a.data(), 3), 1.0f);
  EXPECT_EQ(similarity(VectorMetric::Cosine, a.data(), minus_a.data(), 3), 0.0f);
  EXPECT_EQ(similarity(VectorMetric::Cosine, orthogonal_to_b.data(), b.data(), 3), 0.5f);
  EXPECT_FLOAT_EQ(similarity(VectorMetric::Cosine, a.data(), twice_a.data(), 3), 1.0f);
}

TEST(SimilarityTest, CosineOfFortyFiveDegreesIsHalfOfOnePlusCosine) {
  const Vector x{1.0f, 0.0f};
  const Vector diagonal{1.0f, 1.0f};
  EXPECT_EQ(similarity(VectorMetric::Cosine, x.data(), diagonal.data(), 2),
            static_cast<float>((1 + 1 / std::sqrt(2.0)) / 2));
}

TEST(SimilarityTest, DotProductIsHalfOfOnePlusTheProduct) {
  const Vector x{1.0f, 0.0f};
  const Vector minus_x{-1.0f, 0.0f};
  const Vector a{0.5f, 0.5f};
  const Vector b{0.5f, -0.25f};
  EXPECT_EQ(similarity(VectorMetric::DotProduct, x.data(), x.data(), 2), 1.0f);
  EXPECT_EQ(similarity(VectorMetric::DotProduct, x.data(), minus_x.data(), 2), 0.0f);
  EXPECT_EQ(similarity(VectorMetric::DotProduct, a.data(), b.data(), 2), 0.5625f);  // (1 + 0.125) / 2
}

TEST(SimilarityTest, EuclideanIsOneOverOnePlusTheSquaredDistance) {
  const Vector origin{0.0f, 0.0f};
  const Vector three_four{3.0f, 4.0f};
  const Vector one_two{1.0f, 2.0f};
  const Vector two_zero{2.0f, 0.0f};
  EXPECT_EQ(similarity(VectorMetric::Euclidean, three_four.data(), three_four.data(), 2), 1.0f);
  EXPECT_EQ(similarity(VectorMetric::Euclidean, origin.data(), three_four.data(), 2), static_cast<float>(1.0 / 26));
  EXPECT_EQ(similarity(VectorMetric::Euclidean, one_two.data(), two_zero.data(), 2), static_cast<float>(1.0 / 6));
}

// --- search, upsert, remove, growth ---

TEST_F(VectorIndexTest, AnEmptyIndexFindsNothing) {
  IndexedVectors index(file(), 2, VectorMetric::Cosine);
  const Vector query{1.0f, 0.0f};
  EXPECT_EQ(index.size(), 0u);
  EXPECT_TRUE(index.search(query.data(), 10).empty());
}

TEST_F(VectorIndexTest, SearchReturnsTheClosestFirstWithTheirExactSimilarity) {
  IndexedVectors index(file(), 2, VectorMetric::Euclidean);
  const std::vector<Vector> points{{5.0f, 5.0f}, {1.0f, 0.0f}, {0.0f, 3.0f}, {0.0f, 0.0f}};
  insert_all(index, points);
  const Vector query{0.0f, 0.0f};

  const auto results = index.search(query.data(), 3);

  ASSERT_EQ(ids_of(results), (std::vector<std::int64_t>{3, 1, 2}));
  EXPECT_EQ(results[0].similarity, 1.0f);
  EXPECT_EQ(results[1].similarity, 0.5f);
  EXPECT_EQ(results[2].similarity, static_cast<float>(1.0 / 10));
  EXPECT_EQ(index.search(query.data(), 0).size(), 0u);
  EXPECT_EQ(index.search(query.data(), 100).size(), 4u);
}

TEST_F(VectorIndexTest, CosineRanksByDirectionNotLength) {
  IndexedVectors index(file(), 2, VectorMetric::Cosine);
  const std::vector<Vector> points{{0.0f, 1.0f}, {100.0f, 1.0f}, {-1.0f, 0.0f}};
  insert_all(index, points);
  const Vector query{0.5f, 0.0f};

  const auto results = index.search(query.data(), 3);

  ASSERT_EQ(ids_of(results), (std::vector<std::int64_t>{1, 0, 2}));
  EXPECT_FLOAT_EQ(results[0].similarity, similarity(VectorMetric::Cosine, query.data(), points[1].data(), 2));
  EXPECT_EQ(results[1].similarity, 0.5f);
  EXPECT_EQ(results[2].similarity, 0.0f);
}

TEST_F(VectorIndexTest, UpsertReplacesTheVectorOfAnExistingId) {
  IndexedVectors index(file(), 2, VectorMetric::DotProduct);
  const Vector near{1.0f, 0.0f};
  const Vector far{-1.0f, 0.0f};
  const Vector middle{0.0f, 1.0f};
  index.upsert(7, far.data());
  index.upsert(8, middle.data());

  index.upsert(7, near.data());

  EXPECT_EQ(index.size(), 2u);
  const auto results = index.search(near.data(), 2);
  ASSERT_EQ(ids_of(results), (std::vector<std::int64_t>{7, 8}));
  EXPECT_EQ(results[0].similarity, 1.0f);
  EXPECT_EQ(results[1].similarity, 0.5f);
}

TEST_F(VectorIndexTest, RemovedIdsAreNeverReturnedAndCanComeBack) {
  IndexedVectors index(file(), 2, VectorMetric::Euclidean);
  const std::vector<Vector> points{{0.0f, 0.0f}, {1.0f, 0.0f}, {2.0f, 0.0f}};
  insert_all(index, points);

  index.remove(0);
  index.remove(0);    // already gone: no effect
  index.remove(999);  // never there: no effect

  EXPECT_EQ(index.size(), 2u);
  EXPECT_EQ(ids_of(index.search(points[0].data(), 10)), (std::vector<std::int64_t>{1, 2}));

  const Vector elsewhere{5.0f, 0.0f};
  index.upsert(0, elsewhere.data());
  EXPECT_EQ(index.size(), 3u);
  EXPECT_EQ(ids_of(index.search(points[0].data(), 10)), (std::vector<std::int64_t>{1, 2, 0}));
}

TEST_F(VectorIndexTest, NegativeAndLargeIdsRoundTrip) {
  IndexedVectors index(file(), 2, VectorMetric::Euclidean);
  const Vector a{0.0f, 0.0f};
  const Vector b{1.0f, 0.0f};
  index.upsert(-5, a.data());
  index.upsert(INT64_MAX, b.data());
  EXPECT_EQ(ids_of(index.search(a.data(), 2)), (std::vector<std::int64_t>{-5, INT64_MAX}));
}

TEST_F(VectorIndexTest, GrowsBeyondItsInitialCapacity) {
  constexpr std::size_t kCount = 3000;  // the graph starts with room for 1024
  IndexedVectors index(file(), 16, VectorMetric::Cosine);
  const auto vectors = random_vectors(kCount, 16, 1);
  insert_all(index, vectors);

  EXPECT_EQ(index.size(), kCount);
  for (std::size_t id = 0; id < kCount; id += 7) {
    const auto results = index.search(vectors[id].data(), 1);
    ASSERT_EQ(results.size(), 1u);
    EXPECT_EQ(results[0].id, static_cast<std::int64_t>(id));
  }
}

TEST_F(VectorIndexTest, ClearEmptiesTheIndex) {
  IndexedVectors index(file(), 2, VectorMetric::Cosine);
  const Vector a{1.0f, 0.0f};
  index.upsert(1, a.data());
  index.clear();
  EXPECT_EQ(index.size(), 0u);
  EXPECT_TRUE(index.search(a.data(), 1).empty());
  index.upsert(2, a.data());
  EXPECT_EQ(ids_of(index.search(a.data(), 5)), (std::vector<std::int64_t>{2}));
}

// --- filtered search ---

TEST_F(VectorIndexTest, FilteredSearchOfASmallIndexIsTheExactTopKOfTheAcceptedIds) {
  const auto vectors = random_vectors(500, 8, 2);
  IndexedVectors index(file(), 8, VectorMetric::DotProduct);
  insert_all(index, vectors);
  const auto query = random_vectors(1, 8, 3)[0];
  const auto odd = [](std::int64_t id) { return id % 2 == 1; };

  const auto results = index.search(query.data(), 10, odd);
  const auto expected = brute_force(VectorMetric::DotProduct, vectors, query, 10, odd);

  ASSERT_EQ(ids_of(results), ids_of(expected));
  for (std::size_t i = 0; i < results.size(); ++i) EXPECT_EQ(results[i].similarity, expected[i].similarity);
}

TEST_F(VectorIndexTest, FilteredSearchOfALargeIndexReturnsOnlyAcceptedIds) {
  const auto vectors = random_vectors(8000, 8, 4);
  IndexedVectors index(file(), 8, VectorMetric::Euclidean);
  insert_all(index, vectors);
  const auto query = random_vectors(1, 8, 5)[0];
  const auto tenth = [](std::int64_t id) { return id % 10 == 0; };

  const auto results = index.search(query.data(), 10, tenth);

  ASSERT_EQ(results.size(), 10u);
  for (const auto& result : results) {
    EXPECT_EQ(result.id % 10, 0);
    EXPECT_EQ(result.similarity, similarity(VectorMetric::Euclidean, query.data(), vectors[result.id].data(), 8));
  }
  EXPECT_TRUE(std::is_sorted(results.begin(), results.end(),
                             [](const ScoredId& a, const ScoredId& b) { return a.similarity > b.similarity; }));
  EXPECT_EQ(ids_of(results), ids_of(brute_force(VectorMetric::Euclidean, vectors, query, 10, tenth)));
}

TEST_F(VectorIndexTest, AFilterRejectingAlmostEverythingStillFindsEveryAcceptedId) {
  const auto vectors = random_vectors(8000, 8, 6);
  IndexedVectors index(file(), 8, VectorMetric::Cosine);
  insert_all(index, vectors);
  const auto query = random_vectors(1, 8, 7)[0];
  const auto three = [](std::int64_t id) { return id == 17 || id == 4242 || id == 7999; };

  const auto results = index.search(query.data(), 10, three);

  const auto expected = brute_force(VectorMetric::Cosine, vectors, query, 10, three);
  ASSERT_EQ(ids_of(results), ids_of(expected));
  for (std::size_t i = 0; i < results.size(); ++i) EXPECT_FLOAT_EQ(results[i].similarity, expected[i].similarity);
}

TEST_F(VectorIndexTest, FilteredSearchSkipsRemovedIds) {
  const auto vectors = random_vectors(100, 4, 8);
  IndexedVectors index(file(), 4, VectorMetric::Euclidean);
  insert_all(index, vectors);
  for (std::int64_t id = 0; id < 100; id += 2) index.remove(id);

  const auto results = index.search(vectors[0].data(), 100, [](std::int64_t) { return true; });

  ASSERT_EQ(results.size(), 50u);
  for (const auto& result : results) EXPECT_EQ(result.id % 2, 1);
}

// --- the two ways to search: the scan of compressed codes, and the graph beyond its budget ---

double recall_at_ten(const IndexedVectors& index, VectorMetric metric, const std::vector<Vector>& vectors,
                     const std::vector<Vector>& queries) {
  const auto everything = [](std::int64_t) { return true; };
  std::size_t hits = 0;
  for (const auto& query : queries) {
    const auto results = index.search(query.data(), 10);
    for (const auto& result : results)  // cosine scores the stored unit vector: equal up to float rounding
      EXPECT_FLOAT_EQ(result.similarity, similarity(metric, query.data(), vectors[result.id].data(), query.size()));
    const auto expected = ids_of(brute_force(metric, vectors, query, 10, everything));
    for (const auto id : ids_of(results)) hits += static_cast<std::size_t>(std::count(expected.begin(), expected.end(), id));
  }
  return static_cast<double>(hits) / static_cast<double>(10 * queries.size());
}

// Random directions have no neighbourhoods for a graph to follow; the scan does not need them.
TEST_F(VectorIndexTest, TheScanFindsTheTrueNeighboursOfRandomVectors) {
  const auto vectors = random_vectors(10000, 128, 20);
  IndexedVectors index(file(), 128, VectorMetric::Cosine);
  insert_all(index, vectors);
  EXPECT_GE(recall_at_ten(index, VectorMetric::Cosine, vectors, random_vectors(20, 128, 21)), 0.95);
}

// A read of 100 keeps its shortlist by the bits wide enough for 1,000, and the read of 1,000 that follows
// starts from it: both must answer exactly what an index that keeps nothing answers.
TEST_F(VectorIndexTest, AReadOf1000AfterAReadOf100AnswersAsAFreshIndex) {
  const auto vectors = random_vectors(40000, 32, 11);
  const auto query = random_vectors(1, 32, 12)[0];
  IndexedVectors paged(directory_ / "paged.hnsw", 32, VectorMetric::Cosine);
  IndexedVectors fresh(directory_ / "fresh.hnsw", 32, VectorMetric::Cosine);
  insert_all(paged, vectors);
  insert_all(fresh, vectors);

  const auto first_page = paged.search(query.data(), 100);
  const auto all = paged.search(query.data(), 1000);
  const auto again = paged.search(query.data(), 100);

  const auto expected_page = fresh.search(query.data(), 100);
  IndexedVectors fresh_again(directory_ / "fresh2.hnsw", 32, VectorMetric::Cosine);
  insert_all(fresh_again, vectors);
  const auto expected_all = fresh_again.search(query.data(), 1000);
  ASSERT_EQ(all.size(), 1000u);
  EXPECT_EQ(ids_of(first_page), ids_of(expected_page));
  EXPECT_EQ(ids_of(all), ids_of(expected_all));
  EXPECT_EQ(ids_of(again), ids_of(expected_page));
}

// The kept shortlist describes the codes when it was made: a vector stored or removed since must count.
TEST_F(VectorIndexTest, AWriteBetweenTwoReadsOfTheSameVectorIsSeenByTheSecond) {
  const auto vectors = random_vectors(40000, 32, 13);
  const auto query = random_vectors(1, 32, 14)[0];
  IndexedVectors index(file(), 32, VectorMetric::Cosine);
  insert_all(index, vectors);
  const auto best_before = index.search(query.data(), 100).front().id;

  index.upsert(99999, query.data());
  const auto after_upsert = index.search(query.data(), 1000);
  ASSERT_FALSE(after_upsert.empty());
  EXPECT_EQ(after_upsert.front().id, 99999);
  EXPECT_EQ(after_upsert.front().similarity, 1.0f);

  index.search(query.data(), 100);
  index.remove(99999);
  index.remove(best_before);
  const auto after_remove = index.search(query.data(), 1000);
  for (const auto& result : after_remove) {
    EXPECT_NE(result.id, 99999);
    EXPECT_NE(result.id, best_before);
  }
}

TEST_F(VectorIndexTest, TheScanRanksByEuclideanDistanceAndDotProductToo) {
  const auto vectors = random_vectors(10000, 64, 22);
  for (const auto metric : {VectorMetric::Euclidean, VectorMetric::DotProduct}) {
    IndexedVectors index(file(), 64, metric);
    insert_all(index, vectors);
    EXPECT_GE(recall_at_ten(index, metric, vectors, random_vectors(20, 64, 23)), 0.95) << to_string(metric);
  }
}

TEST_F(VectorIndexTest, BeyondTheScanBudgetTheGraphAnswers) {
  const auto vectors = random_vectors(5000, 8, 24);
  IndexedVectors index(file(), 8, VectorMetric::Euclidean, /*max_scanned_components=*/1000);
  insert_all(index, vectors);
  // Eight dimensions have neighbourhoods: the graph finds the true top 10.
  EXPECT_GE(recall_at_ten(index, VectorMetric::Euclidean, vectors, random_vectors(20, 8, 25)), 0.99);
}

TEST_F(VectorIndexTest, NoGraphIsKeptUntilTheIndexOutgrowsItsScanBudget) {
  const auto vectors = random_vectors(3000, 16, 28);
  IndexedVectors index(file(), 16, VectorMetric::Cosine, /*max_scanned_components=*/16 * 2000);
  for (std::size_t id = 0; id < 2000; ++id) index.upsert(static_cast<std::int64_t>(id), vectors[id].data());
  EXPECT_FALSE(index.has_graph());

  index.upsert(2000, vectors[2000].data());

  EXPECT_TRUE(index.has_graph());
  for (std::size_t id = 2001; id < vectors.size(); ++id) index.upsert(static_cast<std::int64_t>(id), vectors[id].data());
  // Every vector, whether in the graph or still waiting for it, is found by its own vector, scoring 1.
  for (std::size_t id = 0; id < vectors.size(); id += 11) {
    const auto results = index.search(vectors[id].data(), 1);
    ASSERT_EQ(results.size(), 1u);
    EXPECT_EQ(results[0].id, static_cast<std::int64_t>(id));
    EXPECT_EQ(results[0].similarity, 1.0f);
  }
}

TEST_F(VectorIndexTest, AVectorReplacedInTheGraphIsFoundByItsNewValue) {
  const auto vectors = random_vectors(2000, 8, 33);
  IndexedVectors index(file(), 8, VectorMetric::Euclidean, /*max_scanned_components=*/0);
  insert_all(index, vectors);
  index.remove(3);
  const Vector moved{40.0f, 40.0f, 40.0f, 40.0f, 40.0f, 40.0f, 40.0f, 40.0f};

  index.upsert(3, moved.data());   // a removed id comes back
  index.upsert(9, vectors[3].data());  // a live one moves

  const auto expect_found_where_they_are = [&](const IndexedVectors& searched, const std::string& when) {
    EXPECT_EQ(ids_of(searched.search(moved.data(), 1)), (std::vector<std::int64_t>{3})) << when;
    const auto at_old_place = searched.search(vectors[3].data(), 1);
    ASSERT_EQ(ids_of(at_old_place), (std::vector<std::int64_t>{9})) << when;
    EXPECT_EQ(at_old_place[0].similarity, 1.0f) << when;
    EXPECT_NE(ids_of(searched.search(vectors[9].data(), 1)), (std::vector<std::int64_t>{9})) << when;
  };
  const auto more = random_vectors(1100, 8, 35);
  for (std::size_t i = 0; i < 550; ++i) index.upsert(static_cast<std::int64_t>(5000 + i), more[i].data());
  EXPECT_EQ(index.size(), 2000u + 550u);
  expect_found_where_they_are(index, "while the moved vectors wait for the graph");
  // A full batch joins the graph, the moved vectors with it.
  for (std::size_t i = 550; i < more.size(); ++i) index.upsert(static_cast<std::int64_t>(5000 + i), more[i].data());
  EXPECT_EQ(index.size(), 2000u + 1100u);
  expect_found_where_they_are(index, "once they are in the graph");

  index.save(8);
  IndexedVectors loaded(file(), 8, VectorMetric::Euclidean, index, /*max_scanned_components=*/0);
  ASSERT_TRUE(loaded.load(8)) << "a moved id's deleted slot beside its live one is not damage";
  expect_found_where_they_are(loaded, "after a save and a load");
}

// Moved in place, a node of the graph would keep few links from its new neighbours, or none: each of these
// vectors, moved far from the rest and from each other, could be an island no search reaches.
TEST_F(VectorIndexTest, VectorsOfTheGraphMovedFarAwayAreFoundThere) {
  const auto vectors = random_vectors(3000, 8, 37);
  IndexedVectors index(file(), 8, VectorMetric::Euclidean, /*max_scanned_components=*/0);
  insert_all(index, vectors);
  std::vector<Vector> far_away;
  for (std::size_t i = 0; i < 64; ++i) {
    Vector moved = vectors[100 + i];
    moved[i % 8] += (i % 16 < 8 ? 40.0f : -40.0f) * static_cast<float>(1 + i / 16);
    far_away.push_back(moved);
    index.upsert(static_cast<std::int64_t>(100 + i), moved.data());
  }
  const auto more = random_vectors(1100, 8, 39);  // a full batch: the moved vectors join the graph with it
  for (std::size_t i = 0; i < more.size(); ++i) index.upsert(static_cast<std::int64_t>(5000 + i), more[i].data());

  for (std::size_t i = 0; i < far_away.size(); ++i)
    EXPECT_EQ(ids_of(index.search(far_away[i].data(), 1)), (std::vector<std::int64_t>{static_cast<std::int64_t>(100 + i)}));
}

TEST_F(VectorIndexTest, StoringAVectorOfTheGraphAgainChangesNothing) {
  const auto vectors = random_vectors(2000, 8, 36);
  IndexedVectors index(file(), 8, VectorMetric::Euclidean, /*max_scanned_components=*/0);
  insert_all(index, vectors);
  index.save(1);
  const auto saved_codes = fs::file_size(file().string() + ".codes");

  insert_all(index, vectors);
  index.save(2);

  EXPECT_EQ(fs::file_size(file().string() + ".codes"), saved_codes) << "no vector took a new slot";
  EXPECT_EQ(ids_of(index.search(vectors[5].data(), 1)), (std::vector<std::int64_t>{5}));
}

TEST_F(VectorIndexTest, AnIdWhoseRowIsGoneIsLeftOut) {
  const auto vectors = random_vectors(100, 8, 34);
  VectorIndex index(file(), 8, VectorMetric::Cosine);
  for (std::size_t id = 0; id < vectors.size(); ++id) index.upsert(static_cast<std::int64_t>(id), vectors[id].data());
  // The row of id 0 was deleted after the search began: its vector can no longer be read.
  const VectorLookup all_but_zero = [&vectors](std::int64_t id, std::vector<float>& vector) {
    if (id == 0) return false;
    vector = vectors[static_cast<std::size_t>(id)];
    return true;
  };

  const auto results = index.search(vectors[0].data(), 3, all_but_zero);

  ASSERT_EQ(results.size(), 3u);
  for (const auto& result : results) EXPECT_NE(result.id, 0);
}

TEST_F(VectorIndexTest, AFilteredGraphSearchWidensUntilEnoughAreAccepted) {
  const auto vectors = random_vectors(8000, 8, 26);
  IndexedVectors index(file(), 8, VectorMetric::Cosine, /*max_scanned_components=*/0);
  insert_all(index, vectors);
  const auto query = random_vectors(1, 8, 27)[0];
  std::atomic<int> calls{0};
  const auto tenth = [&calls](std::int64_t id) {
    ++calls;
    return id % 10 == 0;
  };

  const auto results = index.search(query.data(), 10, tenth);

  EXPECT_LT(calls.load(), 8000) << "a filter accepting a tenth should not need to see every id";
  EXPECT_EQ(ids_of(results), ids_of(brute_force(VectorMetric::Cosine, vectors, query, 10, tenth)));
}

// --- save and load ---

TEST_F(VectorIndexTest, SaveAndLoadRoundTripWithTheSameStamp) {
  const auto vectors = random_vectors(2000, 32, 9);
  IndexedVectors saved(file(), 32, VectorMetric::Cosine);
  insert_all(saved, vectors);
  saved.remove(5);
  saved.save(42);

  IndexedVectors loaded(file(), 32, VectorMetric::Cosine, saved);
  ASSERT_TRUE(loaded.load(42));

  EXPECT_EQ(loaded.size(), 1999u);
  EXPECT_NE(loaded.search(vectors[5].data(), 1)[0].id, 5) << "a removed id stays removed";
  for (std::size_t id = 0; id < 50; ++id) {
    const auto expected = saved.search(vectors[id].data(), 10);
    const auto actual = loaded.search(vectors[id].data(), 10);
    ASSERT_EQ(ids_of(actual), ids_of(expected));
    for (std::size_t i = 0; i < actual.size(); ++i) EXPECT_EQ(actual[i].similarity, expected[i].similarity);
  }
  EXPECT_FALSE(fs::exists(file().string() + ".tmp"));
  EXPECT_FALSE(fs::exists(meta_file().string() + ".tmp"));
}

TEST_F(VectorIndexTest, AGraphAndItsWaitingBatchRoundTrip) {
  const auto vectors = random_vectors(3000, 8, 30);
  IndexedVectors saved(file(), 8, VectorMetric::Euclidean, /*max_scanned_components=*/8 * 1000);
  insert_all(saved, vectors);  // the graph from 1,001 vectors on; the last ones wait in a batch
  saved.remove(7);
  ASSERT_TRUE(saved.has_graph());
  saved.save(5);

  IndexedVectors loaded(file(), 8, VectorMetric::Euclidean, saved, 8 * 1000);
  ASSERT_TRUE(loaded.load(5));
  EXPECT_TRUE(loaded.has_graph());
  EXPECT_EQ(loaded.size(), 2999u);
  for (std::size_t id = 0; id < vectors.size(); id += 37) {
    const auto expected = saved.search(vectors[id].data(), 10);
    const auto actual = loaded.search(vectors[id].data(), 10);
    ASSERT_EQ(ids_of(actual), ids_of(expected));
    for (std::size_t i = 0; i < actual.size(); ++i) EXPECT_EQ(actual[i].similarity, expected[i].similarity);
  }
  EXPECT_NE(loaded.search(vectors[7].data(), 1)[0].id, 7) << "a removed id stays removed";
}

TEST_F(VectorIndexTest, AnIndexSavedWithoutAGraphBuildsOneWhenLoadedBeyondItsBudget) {
  const auto vectors = random_vectors(2000, 8, 31);
  IndexedVectors saved(file(), 8, VectorMetric::Euclidean);
  insert_all(saved, vectors);
  ASSERT_FALSE(saved.has_graph());
  saved.save(1);

  IndexedVectors loaded(file(), 8, VectorMetric::Euclidean, saved, /*max_scanned_components=*/0);
  ASSERT_TRUE(loaded.load(1));
  EXPECT_TRUE(loaded.has_graph());
  EXPECT_GE(recall_at_ten(loaded, VectorMetric::Euclidean, vectors, random_vectors(20, 8, 32)), 0.99);
}

TEST_F(VectorIndexTest, ALoadedIndexKeepsAcceptingWrites) {
  const auto vectors = random_vectors(1024, 4, 10);  // exactly the initial capacity: the next insert grows
  IndexedVectors saved(file(), 4, VectorMetric::Euclidean);
  insert_all(saved, vectors);
  saved.save(1);
  IndexedVectors loaded(file(), 4, VectorMetric::Euclidean, saved);
  ASSERT_TRUE(loaded.load(1));

  const Vector fresh{100.0f, 100.0f, 100.0f, 100.0f};
  loaded.upsert(5000, fresh.data());
  loaded.remove(0);

  EXPECT_EQ(loaded.size(), 1024u);
  EXPECT_EQ(loaded.search(fresh.data(), 1)[0].id, 5000);
}

TEST_F(VectorIndexTest, AnEmptyIndexRoundTrips) {
  IndexedVectors saved(file(), 4, VectorMetric::DotProduct);
  saved.save(0);
  IndexedVectors loaded(file(), 4, VectorMetric::DotProduct);
  ASSERT_TRUE(loaded.load(0));
  EXPECT_EQ(loaded.size(), 0u);
}

TEST_F(VectorIndexTest, ASecondSaveReplacesTheFirst) {
  const Vector a{1.0f, 0.0f};
  IndexedVectors index(file(), 2, VectorMetric::Cosine);
  index.upsert(1, a.data());
  index.save(1);
  index.upsert(2, a.data());
  index.save(2);

  IndexedVectors loaded(file(), 2, VectorMetric::Cosine, index);
  EXPECT_FALSE(loaded.load(1));
  ASSERT_TRUE(loaded.load(2));
  EXPECT_EQ(loaded.size(), 2u);
}

TEST_F(VectorIndexTest, AStaleStampOrAnotherShapeIsNotLoaded) {
  const auto vectors = random_vectors(10, 4, 11);
  IndexedVectors saved(file(), 4, VectorMetric::Cosine);
  insert_all(saved, vectors);
  saved.save(7);

  IndexedVectors stale(file(), 4, VectorMetric::Cosine);
  EXPECT_FALSE(stale.load(8));
  EXPECT_EQ(stale.size(), 0u);
  IndexedVectors other_dimension(file(), 8, VectorMetric::Cosine);
  EXPECT_FALSE(other_dimension.load(7));
  IndexedVectors other_metric(file(), 4, VectorMetric::Euclidean);
  EXPECT_FALSE(other_metric.load(7));
}

TEST_F(VectorIndexTest, AMissingFileIsNotLoaded) {
  IndexedVectors index(file(), 4, VectorMetric::Cosine);
  EXPECT_FALSE(index.load(0));
}

class CorruptFileTest : public VectorIndexTest {
 protected:
  void SetUp() override {
    VectorIndexTest::SetUp();
    IndexedVectors saved(file(), 8, VectorMetric::Cosine, kWithGraph);
    insert_all(saved, random_vectors(300, 8, 12));
    ASSERT_TRUE(saved.has_graph());
    saved.save(3);
  }

  // A scan budget of zero: the saved index has a graph file too.
  static constexpr std::size_t kWithGraph = 0;

  fs::path codes_file() const { return directory_ / "index.hnsw.codes"; }

  // A failed load must leave the index empty and usable, ready for the rebuild.
  void expect_not_loaded() {
    IndexedVectors index(file(), 8, VectorMetric::Cosine, kWithGraph);
    EXPECT_FALSE(index.load(3));
    EXPECT_EQ(index.size(), 0u);
    const Vector a(8, 1.0f);
    index.upsert(1, a.data());
    EXPECT_EQ(index.search(a.data(), 1)[0].id, 1);
  }

  static void overwrite(const fs::path& path, std::streamoff offset, const std::string& bytes) {
    std::fstream file(path, std::ios::binary | std::ios::in | std::ios::out);
    file.seekp(offset);
    file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
};

TEST_F(CorruptFileTest, AFlippedByteInTheGraphIsNotLoaded) {
  overwrite(file(), static_cast<std::streamoff>(fs::file_size(file()) / 2), "\xff\xff\xff\xff");
  expect_not_loaded();
}

TEST_F(CorruptFileTest, ADamagedGraphHeaderIsNotLoaded) {
  overwrite(file(), 8, std::string(8, '\x7f'));  // max_elements
  expect_not_loaded();
}

TEST_F(CorruptFileTest, ATruncatedGraphIsNotLoaded) {
  fs::resize_file(file(), fs::file_size(file()) - 1);
  expect_not_loaded();
}

TEST_F(CorruptFileTest, AFlippedByteInTheCodesIsNotLoaded) {
  overwrite(codes_file(), static_cast<std::streamoff>(fs::file_size(codes_file()) / 2), "\x01\x02\x03");
  expect_not_loaded();
}

TEST_F(CorruptFileTest, MissingCodesAreNotLoaded) {
  fs::remove(codes_file());
  expect_not_loaded();
}

TEST_F(CorruptFileTest, CodesOfAnotherIndexAreNotLoaded) {
  const auto elsewhere = directory_ / "other.hnsw";
  IndexedVectors other(elsewhere, 8, VectorMetric::Cosine, kWithGraph);
  insert_all(other, random_vectors(300, 8, 13));
  other.save(3);
  fs::copy_file(directory_ / "other.hnsw.codes", codes_file(), fs::copy_options::overwrite_existing);
  expect_not_loaded();
}

TEST_F(CorruptFileTest, AGraphWithoutItsSideFileIsNotLoaded) {
  fs::remove(meta_file());
  expect_not_loaded();
}

TEST_F(CorruptFileTest, ASideFileWithoutItsGraphIsNotLoaded) {
  fs::remove(file());
  expect_not_loaded();
}

TEST_F(CorruptFileTest, AGarbageSideFileIsNotLoaded) {
  std::ofstream(meta_file(), std::ios::binary | std::ios::trunc) << "not a side file";
  expect_not_loaded();
}

TEST_F(CorruptFileTest, AGarbageGraphIsNotLoaded) {
  std::ofstream(file(), std::ios::binary | std::ios::trunc) << "not a graph";
  expect_not_loaded();
}

// --- concurrency ---

// Anchors are searched with their own vectors — each reader asking for each of `reads` rows in turn — while
// this thread inserts, replaces and removes other ids (1000 + i). Returns how many searches did not see their
// anchor first, exactly. The readers never pause, so the writer finishes only if waiting writers go ahead of
// new readers.
int inconsistent_searches_while_writing(IndexedVectors& index, const std::vector<Vector>& anchors,
                                        const std::vector<Vector>& others, const std::vector<std::size_t>& reads) {
  const auto anchor_count = static_cast<std::int64_t>(anchors.size());
  const auto writes = static_cast<std::int64_t>(others.size());
  std::atomic<bool> writing{true};
  std::atomic<int> inconsistent{0};
  std::vector<std::thread> readers;
  for (int reader = 0; reader < 3; ++reader) {
    readers.emplace_back([&, reader] {
      for (std::int64_t round = 0; writing || round < anchor_count; ++round) {
        const auto anchor = (round + reader) % anchor_count;
        for (const auto k : reads) {
          const auto results = index.search(anchors[anchor].data(), k);
          if (results.empty() || results[0].id != anchor || results[0].similarity != 1.0f) ++inconsistent;
        }
      }
    });
  }
  for (std::int64_t i = 0; i < writes; ++i) {
    const auto id = 1000 + i;
    index.upsert(id, others[i].data());
    if (i % 3 == 0) index.upsert(id, others[(i + 1) % writes].data());
    if (i % 5 == 0) index.remove(id);
  }
  writing = false;
  for (auto& reader : readers) reader.join();
  return inconsistent.load();
}

TEST_F(VectorIndexTest, SearchesStayConsistentWhileAnotherThreadWrites) {
  IndexedVectors index(file(), 16, VectorMetric::Cosine);
  const auto anchors = random_vectors(50, 16, 13);
  insert_all(index, anchors);

  EXPECT_EQ(inconsistent_searches_while_writing(index, anchors, random_vectors(3000, 16, 14), {5}), 0);
  EXPECT_EQ(index.size(), static_cast<std::size_t>(50 + 3000 - 3000 / 5));
}

// Reads of 100 and then 1,000 rows keep a shortlist for each other: a shortlist kept by one thread must never
// answer another thread's read after a write.
TEST_F(VectorIndexTest, LargeReadsStayConsistentWhileAnotherThreadWrites) {
  IndexedVectors index(file(), 16, VectorMetric::Cosine);
  const auto anchors = random_vectors(20, 16, 15);
  insert_all(index, anchors);
  const auto others = random_vectors(1500, 16, 16);

  EXPECT_EQ(inconsistent_searches_while_writing(index, anchors, others, {100, 1000}), 0);
  const auto last = index.search(others.back().data(), 1000);
  ASSERT_FALSE(last.empty());
  EXPECT_EQ(last[0].id, 1000 + 1499);
}

}  // namespace
}  // namespace killrvideo::host::embedded
