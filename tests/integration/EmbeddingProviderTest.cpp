// The real server with embedding.provider openai-compatible, pointed at a loopback server that speaks
// /v1/embeddings: a submitted video is stored with the vector that server answered.

#include <cstdlib>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "auth/JwtCodec.h"
#include "tests/host/services/EmbeddingsPeer.h"
#include "tests/integration/TestConfig.h"
#include "tests/support/HttpClient.h"

namespace killrvideo::testing {
namespace {

using json = nlohmann::json;

constexpr const char* kCreatorId = "6c1f0e8a-2b7d-4f1e-9a51-0d3c2b4a5e6f";
constexpr const char* kModel = "nvidia/nv-embedqa-e5-v5";
constexpr const char* kKey = "nvapi-integration-0123456789abcdef";
constexpr std::size_t kDimension = 48;

std::string creator() {
  const host::JwtCodec codec(kTestJwtSecret, host::system_seconds_clock());
  return "Authorization: Bearer " + codec.issue(kCreatorId, {"creator"}, std::chrono::minutes(30));
}

std::string provider_config(const EmbeddingsPeer& peer, const std::string& key_line) {
  return test_config("  - { name: catalog }\n", "", "",
                     "database:\n  backend: embedded\n  embedded: { data_dir: ./data }\n"
                     "embedding:\n"
                     "  provider: openai-compatible\n"
                     "  dimension: " + std::to_string(kDimension) + "\n"
                     "  base_url: " + peer.base_url() + "\n"
                     "  model: " + kModel + "\n" +
                     key_line +
                     "  query_input_type: query\n"
                     "  document_input_type: passage\n"
                     "  timeout_ms: 2000\n");
}

json submit(HttpClient& client) {
  const auto submitted = client.post(
      "/api/v1/videos",
      R"({"youtubeUrl":"https://youtu.be/abcdefghijk","title":"Data modeling","description":"Partitions and clustering","tags":["cassandra","data"]})",
      {creator()});
  EXPECT_EQ(submitted.status, 202) << submitted.body;
  const auto details = client.get("/api/v1/videos/id/" + submitted.json()["videoId"].get<std::string>());
  EXPECT_EQ(details.status, 200) << details.body;
  return details.json();
}

TEST(EmbeddingProviderTest, ASubmittedVideoIsStoredWithTheVectorTheServerAnswered) {
  EmbeddingsPeer peer(kDimension, kKey);
  ServerProcess server(provider_config(peer, std::string("  api_key: \"") + kKey + "\"\n"));
  HttpClient client(server.base_url());

  const json video = submit(client);

  const std::string text = "Data modeling\nPartitions and clustering\ncassandra data";
  const auto expected = EmbeddingsPeer::vector_for(text, kDimension);
  ASSERT_EQ(video["content_features"].size(), kDimension) << video.dump();
  for (std::size_t i = 0; i < kDimension; ++i) {
    EXPECT_NEAR(video["content_features"][i].get<double>(), expected[i], 1e-6) << "component " << i;
  }
  const auto bodies = peer.bodies();
  ASSERT_EQ(bodies.size(), 1u);
  EXPECT_EQ(bodies[0], (json{{"model", kModel}, {"input", {text}}, {"encoding_format", "float"}, {"input_type", "passage"}}));
  EXPECT_EQ(server.output().find(kKey), std::string::npos) << "the API key is never logged";
}

TEST(EmbeddingProviderTest, TheKeyMayComeFromTheEnvironment) {
  EmbeddingsPeer peer(kDimension, kKey);
  ::setenv("KILLRVIDEO_EMBEDDING_API_KEY", kKey, 1);
  ServerProcess server(provider_config(peer, ""));
  ::unsetenv("KILLRVIDEO_EMBEDDING_API_KEY");
  HttpClient client(server.base_url());

  EXPECT_EQ(submit(client)["content_features"].size(), kDimension);
  ASSERT_EQ(peer.requests().size(), 1u);
  EXPECT_EQ(peer.requests()[0].header("Authorization").value_or(""), std::string("Bearer ") + kKey);
  EXPECT_NE(server.output().find("API key set"), std::string::npos) << server.output();
  EXPECT_EQ(server.output().find(kKey), std::string::npos);
}

TEST(EmbeddingProviderTest, ARefusedKeyLeavesTheVectorEmptyAndTheLogSaysWhyWithoutTheKey) {
  EmbeddingsPeer peer(kDimension, "the-right-key");
  ServerProcess server(provider_config(peer, std::string("  api_key: \"") + kKey + "\"\n"));
  HttpClient client(server.base_url());

  const json video = submit(client);

  EXPECT_EQ(video["content_features"], nullptr) << "the video is kept; its vector can be ingested later";
  const std::string log = server.output();
  EXPECT_NE(log.find("catalog: content_features left empty, the embedder failed: embedding server " + peer.base_url() +
                     "/v1/embeddings answered HTTP 401: Incorrect API key provided: [redacted]."),
            std::string::npos)
      << log;
  EXPECT_EQ(log.find(kKey), std::string::npos);
}

TEST(EmbeddingProviderTest, AnUnusableProviderConfigStopsStartUpNamingTheKey) {
  const auto result = ServerProcess::run_to_exit(test_config(
      "  - { name: catalog }\n", "", "", "database:\n  backend: none\nembedding:\n  provider: openai-compatible\n"));
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.output.find("killrvideo: embedding.base_url is missing"), std::string::npos) << result.output;
}

TEST(EmbeddingProviderTest, AstraVectorizeWithoutADatabaseSaysWhatItNeeds) {
  const auto result = ServerProcess::run_to_exit(test_config(
      "  - { name: catalog }\n", "", "", "database:\n  backend: none\nembedding:\n  provider: astra-vectorize\n"));
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.output.find("killrvideo: embedding.provider 'astra-vectorize' needs a database to embed the text"),
            std::string::npos)
      << result.output;
}

}  // namespace
}  // namespace killrvideo::testing
