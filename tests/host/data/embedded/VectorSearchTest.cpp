// ANN sorts on tables and collections, scores (data-api-wire §4.2, §6), and the vector index files
// across restarts: loaded when current, rebuilt from SQLite when missing.
#include <cmath>
#include <cstdio>
#include <map>
#include <random>
#include <set>
#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

#include "EngineTestSupport.h"
#include "data/embedded/VectorIndexSet.h"

namespace killrvideo::host::embedded::testing {
namespace {

class VectorSearchTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    create_videos_table();
    ASSERT_FALSE(run("videos", R"({"insertMany":{"documents":[
        {"videoid":"1b0b5c3e-7a5e-4c4f-9d0a-3f2e1d0c9b8a","name":"Intro to Vector Search","category":"education","content_features":[0.12,-0.48,0.33,0.80]},
        {"videoid":"77aa0000-0000-4000-8000-000000000000","name":"Embeddings 101","category":"education","content_features":[0.5,-0.3,0.1,0.4]},
        {"videoid":"03fe0000-0000-4000-8000-000000000000","name":"Cooking pasta","category":"food","content_features":[-0.2,0.6,0.5,-0.1]},
        {"videoid":"04fe0000-0000-4000-8000-000000000000","name":"No vector","category":"food"}]}})"_json)
                     .contains("errors"));
  }
  std::vector<std::string> names(const json& response) {
    std::vector<std::string> found;
    for (const auto& row : response["data"]["documents"]) found.push_back(row["name"]);
    return found;
  }
};

float cosine_score(std::vector<float> a, std::vector<float> b) {
  float dot = 0, na = 0, nb = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return (1 + dot / (std::sqrt(na) * std::sqrt(nb))) / 2;
}

TEST_F(VectorSearchTest, AnnSortRanksBySimilarityWithScoresAndSortVector) {
  const json response = run("videos", R"({"find":{"sort":{"content_features":[0.10,-0.50,0.30,0.79]},
      "projection":{"videoid":1,"name":1},"options":{"limit":3,"includeSimilarity":true,"includeSortVector":true}}})"_json);
  ASSERT_TRUE(response.contains("data")) << response.dump();
  EXPECT_EQ(names(response), (std::vector<std::string>{"Intro to Vector Search", "Embeddings 101", "Cooking pasta"}));
  const float expected = cosine_score({0.10f, -0.50f, 0.30f, 0.79f}, {0.12f, -0.48f, 0.33f, 0.80f});
  EXPECT_NEAR(response["data"]["documents"][0]["$similarity"].get<double>(), expected, 1e-6);
  EXPECT_EQ(response["data"]["nextPageState"], nullptr);
  EXPECT_EQ(response["status"]["sortVector"].dump(), "[0.1,-0.5,0.3,0.79]");
  EXPECT_EQ(response["status"]["projectionSchema"], R"({"videoid":{"type":"uuid"},"name":{"type":"text"}})"_json);
  EXPECT_FALSE(response["status"].contains("warnings")) << response.dump();
}

// A read of 100 rows or more scores its candidates on a spare reader per core as well (InOrderScoring.h):
// every row must still come with its own columns and its exact score, best first.
TEST_F(VectorSearchTest, ALargeReadScoredOnSeveralReadersAnswersTheExactOrderWithEachRowsOwnColumns) {
  std::mt19937 generator(5);
  std::uniform_real_distribution<float> component(-1.0f, 1.0f);
  const std::vector<float> query{0.10f, -0.50f, 0.30f, 0.79f};
  std::map<std::string, float> expected_scores;  // by name
  for (int first = 0; first < 300; first += 100) {
    json documents = json::array();
    for (int i = first; i < first + 100; ++i) {
      const std::vector<float> vector{component(generator), component(generator), component(generator), component(generator)};
      const std::string name = "clip " + std::to_string(i);
      char videoid[37];
      std::snprintf(videoid, sizeof videoid, "%08d-0000-4000-8000-000000000000", i);
      documents.push_back({{"videoid", videoid}, {"name", name}, {"category", "bulk"}, {"content_features", vector}});
      expected_scores[name] = cosine_score(query, vector);
    }
    ASSERT_FALSE(run("videos", {{"insertMany", {{"documents", documents}}}}).contains("errors"));
  }
  const json response = run("videos", R"({"find":{"sort":{"content_features":[0.10,-0.50,0.30,0.79]},
      "projection":{"name":1},"options":{"limit":250,"includeSimilarity":true}}})"_json);
  ASSERT_TRUE(response.contains("data")) << response.dump();
  const auto& documents = response["data"]["documents"];
  ASSERT_EQ(documents.size(), 250U);
  for (std::size_t i = 0; i < documents.size(); ++i) {
    const std::string name = documents[i]["name"];
    const double score = documents[i]["$similarity"].get<double>();
    if (i > 0) {
      EXPECT_GE(documents[i - 1]["$similarity"].get<double>(), score) << "at " << i;
    }
    if (const auto expected = expected_scores.find(name); expected != expected_scores.end()) {
      EXPECT_NEAR(score, expected->second, 1e-5) << name;
    }
  }
  // Nothing better was left out: the 250th is at least as good as every clip not answered.
  std::set<std::string> answered;
  for (const auto& document : documents) answered.insert(document["name"].get<std::string>());
  for (const auto& [name, score] : expected_scores)
    if (!answered.count(name)) {
      EXPECT_LE(score, documents.back()["$similarity"].get<double>() + 1e-5) << name;
    }
}

TEST_F(VectorSearchTest, BinarySortVectorAndFilteredSearch) {
  // [0.5,-1,0.25,1] as big-endian float32.
  const json filtered = run("videos", R"({"find":{"filter":{"category":"food"},"sort":{"content_features":{"$binary":"PwAAAL+AAAA+gAAAP4AAAA=="}},
      "projection":{"name":1}}})"_json);
  EXPECT_EQ(names(filtered), std::vector<std::string>{"Cooking pasta"});
  EXPECT_EQ(warning_codes(filtered), std::vector<std::string>{"MISSING_INDEX"});
  const json one = run("videos", R"({"findOne":{"sort":{"content_features":[0.5,-0.3,0.1,0.4]},"projection":{"name":1}}})"_json);
  EXPECT_EQ(one["data"]["document"], R"({"name":"Embeddings 101"})"_json);
}

TEST_F(VectorSearchTest, VectorSortErrors) {
  expect_error(run("videos", R"({"find":{"sort":{"content_features":[1,2,3]}}})"_json), "SORT",
               "CANNOT_VECTOR_SORT_ON_MISMATCHED_VECTOR_DIMENSIONS", "Vector sort cannot be used with mismatched vector dimensions");
  expect_error(run("videos", R"({"find":{"sort":{"content_features":[1,2,3,4]},"options":{"limit":1001}}})"_json), "SORT",
               "CANNOT_VECTOR_SORT_WITH_LIMIT_EXCEEDS_MAX", "Limit exceeds the maximum allowed for vector sort");
  expect_error(run("videos", R"({"find":{"sort":{"content_features":[1,2,3,4]},"options":{"skip":1}}})"_json), "SORT",
               "CANNOT_VECTOR_SORT_WITH_SKIP_OPTION", "Skip option cannot be used with  vector sort");
  expect_error(run("videos", R"({"find":{"sort":{"name":[1,2,3,4]}}})"_json), "SORT",
               "CANNOT_VECTOR_SORT_NON_VECTOR_COLUMNS", "Vector sort columns are not `vector` type");
  expect_error(run("videos", R"({"find":{"sort":{"content_features":[1,2,3,4],"name":1}}})"_json), "SORT",
               "CANNOT_SORT_ON_SPECIAL_WITH_OTHERS", "Special sort combined with other sort expressions");
  ASSERT_EQ(run("", R"({"dropIndex":{"name":"videos_features_idx"}})"_json), json({{"status", {{"ok", 1}}}}));
  expect_error(run("videos", R"({"find":{"sort":{"content_features":[1,2,3,4]}}})"_json), "SORT",
               "CANNOT_VECTOR_SORT_NON_INDEXED_VECTOR_COLUMNS", "Vector sort cannot be used for non indexed vector columns");
}

TEST_F(VectorSearchTest, VectorizeStringsAreRefusedOffline) {
  expect_error(run("videos", R"({"find":{"sort":{"content_features":"videos about databases"}}})"_json), "SORT",
               "CANNOT_VECTORIZE_SORT_WHEN_MISSING_VECTORIZE_DEFINITION",
               "Vectorize sort not supported on column with missing vectorize configuration");
  expect_error(run("videos", R"({"insertOne":{"document":{"videoid":"1b0b5c3e-7a5e-4c4f-9d0a-3f2e1d0c9b8a","content_features":"text"}}})"_json),
               "DOCUMENT", "UNSUPPORTED_VECTORIZE_WHEN_MISSING_VECTORIZE_DEFINITION",
               "Vectorize not supported on column with missing vectorize configuration",
               R"({"primaryKeySchema":{"videoid":{"type":"uuid"}},"insertedIds":[]})"_json);
}

TEST_F(VectorSearchTest, UpdatesAndDeletesReachTheIndex) {
  run("videos", R"({"updateOne":{"filter":{"videoid":"03fe0000-0000-4000-8000-000000000000"},
      "update":{"$set":{"content_features":[0.10,-0.50,0.30,0.79]}}}})"_json);
  run("videos", R"({"deleteOne":{"filter":{"videoid":"1b0b5c3e-7a5e-4c4f-9d0a-3f2e1d0c9b8a"}}})"_json);
  EXPECT_EQ(names(run("videos", R"({"find":{"sort":{"content_features":[0.10,-0.50,0.30,0.79]},"projection":{"name":1}}})"_json)),
            (std::vector<std::string>{"Cooking pasta", "Embeddings 101"}));
}

TEST_F(VectorSearchTest, ReopenLoadsTheSavedIndexWithoutRebuilding) {
  const json query = R"({"find":{"sort":{"content_features":[0.10,-0.50,0.30,0.79]},"projection":{"name":1},"options":{"limit":2}}})"_json;
  const json before = run("videos", query);
  const auto rebuilds = VectorIndexSet::rebuild_count();
  reopen();
  EXPECT_EQ(VectorIndexSet::rebuild_count(), rebuilds);
  EXPECT_EQ(run("videos", query), before);
  EXPECT_EQ(run("videos", R"({"find":{"projection":{"name":1}}})"_json)["data"]["documents"].size(), 4U);
}

TEST_F(VectorSearchTest, MissingIndexFileIsRebuiltOnOpen) {
  const json query = R"({"find":{"sort":{"content_features":[0.10,-0.50,0.30,0.79]},"projection":{"name":1},"options":{"limit":2}}})"_json;
  const json before = run("videos", query);
  engine_.reset();
  // Every saved index has its codes file (a graph file only beyond the scan budget).
  std::size_t removed = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir_))
    if (entry.path().extension() == ".codes") removed += std::filesystem::remove(entry.path());
  ASSERT_EQ(removed, 1U);
  const auto rebuilds = VectorIndexSet::rebuild_count();
  engine_ = std::make_unique<EmbeddedEngine>(EngineOptions{dir_, 50});
  EXPECT_EQ(VectorIndexSet::rebuild_count(), rebuilds + 1);
  EXPECT_EQ(run("videos", query), before);
}

TEST_F(VectorSearchTest, DroppingTheTableDeletesItsIndexFiles) {
  engine_.reset();  // saves the index
  engine_ = std::make_unique<EmbeddedEngine>(EngineOptions{dir_, 50});
  const auto index_files = [this] {
    std::size_t count = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir_))
      count += entry.path().filename().string().find(".hnsw") != std::string::npos;
    return count;
  };
  ASSERT_EQ(index_files(), 2U) << "the codes and the side file (no graph below the scan budget)";

  ASSERT_FALSE(run("", R"({"dropTable":{"name":"videos"}})"_json).contains("errors"));

  EXPECT_EQ(index_files(), 0U);
}

TEST_F(VectorSearchTest, WritesAfterTheLastSaveMakeTheFileStale) {
  engine_.reset();
  engine_ = std::make_unique<EmbeddedEngine>(EngineOptions{dir_, 50});
  run("videos", R"({"insertOne":{"document":{"videoid":"05fe0000-0000-4000-8000-000000000000","name":"Newest",
      "content_features":[0.10,-0.50,0.30,0.79]}}})"_json);
  // Simulate a kill: copy the database away before the destructor saves, then open the copy.
  const auto copy = dir_ / "copy";
  std::filesystem::create_directory(copy);
  for (const auto& entry : std::filesystem::directory_iterator(dir_))
    if (entry.is_regular_file()) std::filesystem::copy_file(entry.path(), copy / entry.path().filename());
  const auto rebuilds = VectorIndexSet::rebuild_count();
  EmbeddedEngine recovered(EngineOptions{copy, 50});
  EXPECT_EQ(VectorIndexSet::rebuild_count(), rebuilds + 1);
  const json found = recovered.execute("ks", "videos", R"({"findOne":{"sort":{"content_features":[0.10,-0.50,0.30,0.79]},"projection":{"name":1}}})"_json);
  EXPECT_EQ(found["data"]["document"], R"({"name":"Newest"})"_json);
}

TEST_F(VectorSearchTest, AcknowledgedWritesSurviveKillNine) {
  engine_.reset();
  const pid_t child = fork();
  ASSERT_NE(child, -1);
  if (child == 0) {
    EmbeddedEngine engine(EngineOptions{dir_, 50});
    const json inserted = engine.execute("ks", "videos", R"({"insertOne":{"document":{"videoid":"05fe0000-0000-4000-8000-000000000000",
        "name":"Survivor","content_features":[0.10,-0.50,0.30,0.79]}}})"_json);
    if (inserted.contains("errors")) _exit(1);
    kill(getpid(), SIGKILL);  // no destructor: the index file is never saved
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
  engine_ = std::make_unique<EmbeddedEngine>(EngineOptions{dir_, 50});
  EXPECT_EQ(run("videos", R"({"findOne":{"sort":{"content_features":[0.10,-0.50,0.30,0.79]},"projection":{"name":1}}})"_json)["data"]["document"],
            R"({"name":"Survivor"})"_json);
}

TEST_F(VectorSearchTest, CollectionVectorSearch) {
  ASSERT_EQ(run("", R"({"createCollection":{"name":"docs","options":{"vector":{"dimension":2,"metric":"euclidean"}}}})"_json),
            json({{"status", {{"ok", 1}}}}));
  run("docs", R"({"insertMany":{"documents":[{"_id":"a","$vector":[0,0],"kind":"x"},{"_id":"b","$vector":[1,1],"kind":"y"},
      {"_id":"c","$vector":[3,3],"kind":"x"},{"_id":"d","kind":"x"}]}})"_json);
  EXPECT_EQ(run("docs", R"({"find":{"sort":{"$vector":[1,1]},"options":{"includeSimilarity":true}}})"_json)["data"],
            R"({"documents":[{"_id":"b","kind":"y","$similarity":1.0},{"_id":"a","kind":"x","$similarity":0.33333334},
               {"_id":"c","kind":"x","$similarity":0.11111111}],"nextPageState":null})"_json);
  EXPECT_EQ(run("docs", R"({"find":{"filter":{"kind":"x"},"sort":{"$vector":[1,1]},"projection":{"$vector":1}}})"_json)["data"]["documents"],
            R"([{"_id":"a","$vector":[0.0,0.0]},{"_id":"c","$vector":[3.0,3.0]}])"_json);
  expect_error(run("docs", R"({"insertOne":{"document":{"$vector":[1,2,3]}}})"_json), "DOCUMENT", "SHRED_BAD_VECTOR_SIZE",
               "Bad $vector value", R"({"insertedIds":[]})"_json);
}

}  // namespace
}  // namespace killrvideo::host::embedded::testing
