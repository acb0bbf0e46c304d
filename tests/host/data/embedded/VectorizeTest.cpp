// Vectorize on the embedded engine with the host's local provider standing in for the declared service:
// what is stored is the provider's embedding, a provider failure is the command's error and stores nothing,
// and a store reopened without a provider refuses text rather than inventing vectors. (Both backends'
// answers to the vectorize commands are pinned by tests/parity/fixtures/10_vectorize.json and 11_….)

#include <cstdlib>
#include <filesystem>
#include <memory>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "EngineTestSupport.h"
#include "services/LocalEmbedder.h"

namespace killrvideo::host::embedded::testing {
namespace {

constexpr std::size_t kDimension = 32;

class VectorizeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/embedded-vectorize-XXXXXX";
    ASSERT_NE(mkdtemp(pattern), nullptr);
    dir_ = pattern;
    open(&provider_);
    ASSERT_EQ(run("", json::parse(R"({"createTable":{"name":"clips","definition":{"columns":{"id":"text",
        "v":{"type":"vector","dimension":32,"service":{"provider":"nvidia","modelName":"NV-Embed-QA"}}},
        "primaryKey":"id"}}})")),
              json::parse(R"({"status":{"ok":1}})"));
    ASSERT_EQ(run("clips", json::parse(R"({"createVectorIndex":{"name":"clips_v","definition":{"column":"v"}}})")),
              json::parse(R"({"status":{"ok":1}})"));
  }
  void TearDown() override {
    engine_.reset();
    std::filesystem::remove_all(dir_);
  }

  void open(plugin::Embedder* provider) {
    engine_.reset();
    EngineOptions options{dir_, 50};
    options.vectorize = provider;
    engine_ = std::make_unique<EmbeddedEngine>(options);
  }
  json run(const std::string& target, const nlohmann::ordered_json& command) {
    return engine_->execute("ks", target, command);
  }
  json stored_vector(const std::string& id) {
    return run("clips", {{"findOne", {{"filter", {{"id", id}}}, {"projection", {{"v", 1}}}}}})["data"]["document"];
  }

  LocalEmbedder provider_{kDimension};
  std::filesystem::path dir_;
  std::unique_ptr<EmbeddedEngine> engine_;
};

TEST_F(VectorizeTest, TheStoredVectorIsTheProvidersEmbeddingOfTheText) {
  run("clips", json::parse(R"({"insertOne":{"document":{"id":"a","v":"gossip among replicas"}}})"));
  const auto expected = provider_.embed("gossip among replicas").vector;
  const json stored = stored_vector("a")["v"];
  ASSERT_EQ(stored.size(), kDimension) << stored.dump();
  for (std::size_t i = 0; i < kDimension; ++i) EXPECT_NEAR(stored[i].get<double>(), expected[i], 1e-6) << i;
}

TEST_F(VectorizeTest, AProviderFailureIsTheCommandsErrorAndStoresNothing) {
  // The local provider cannot embed text without a word.
  const json response = run("clips", json::parse(R"({"insertMany":{"documents":[{"id":"a","v":"fine"},{"id":"b","v":"  "}]}})"));
  const json expected = {{"family", "SERVER"},
                         {"scope", "EMBEDDING_PROVIDER"},
                         {"errorCode", "EMBEDDING_PROVIDER_UNEXPECTED_RESPONSE"},
                         {"title", "The embedding provider returned an unexpected response"},
                         {"message", "The embedding provider could not vectorize the text: Cannot generate embedding for empty text"}};
  EXPECT_EQ(without_ids(response), json({{"errors", {expected}}}));
  EXPECT_EQ(stored_vector("a"), nullptr) << "no row of the command is written";
  const json sort = without_ids(run("clips", json::parse(R"({"find":{"sort":{"v":"   "}}})")));
  EXPECT_EQ(sort["errors"][0]["errorCode"], "EMBEDDING_PROVIDER_UNEXPECTED_RESPONSE") << sort.dump();
  EXPECT_EQ(sort.count("data"), 0u);
}

TEST_F(VectorizeTest, ReopenedWithoutAProviderTheStoreRefusesTextButKeepsItsVectors) {
  run("clips", json::parse(R"({"insertOne":{"document":{"id":"a","v":"gossip among replicas"}}})"));
  const json before = stored_vector("a");
  open(nullptr);
  expect_error(run("clips", json::parse(R"({"insertOne":{"document":{"id":"b","v":"more text"}}})")), "SCHEMA",
               "VECTORIZE_FEATURE_NOT_AVAILABLE", "Vectorize feature is not available in the environment");
  expect_error(run("clips", json::parse(R"({"find":{"sort":{"v":"gossip"}}})")), "SCHEMA",
               "VECTORIZE_FEATURE_NOT_AVAILABLE", "Vectorize feature is not available in the environment");
  EXPECT_EQ(stored_vector("a"), before);
  nlohmann::ordered_json vector_sort = {{"find", {{"sort", {{"v", before["v"]}}}, {"projection", {{"id", 1}}}}}};
  EXPECT_EQ(run("clips", vector_sort)["data"]["documents"], json::parse(R"([{"id":"a"}])")) << "vectors still sort";
  const json tables = run("", json::parse(R"({"listTables":{"options":{"explain":true}}})"));
  EXPECT_EQ(tables["status"]["tables"][0]["definition"]["columns"]["v"],
            json::parse(R"({"type":"vector","dimension":32,"service":{"provider":"nvidia","modelName":"NV-Embed-QA"}})"));
}

}  // namespace
}  // namespace killrvideo::host::embedded::testing
