#include "services/OpenAiCompatibleEmbedder.h"

#include <chrono>
#include <stdexcept>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/host/data/astra/TcpPeer.h"
#include "tests/host/services/EmbeddingsPeer.h"

namespace killrvideo::host {
namespace {

using json = nlohmann::json;
using std::chrono::milliseconds;
using testing::EmbeddingsPeer;
using Clock = std::chrono::steady_clock;

constexpr const char* kKey = "nvapi-test-key-0123456789";
constexpr milliseconds kQuickBackoff{5};

EmbeddingConfig config_for(const std::string& base_url, int dimension) {
  EmbeddingConfig config;
  config.provider = "openai-compatible";
  config.dimension = dimension;
  config.base_url = base_url;
  config.model = "nvidia/nv-embedqa-e5-v5";
  config.api_key = kKey;
  return config;
}

void expect_vector_near(const std::vector<float>& actual, const std::vector<float>& expected) {
  ASSERT_EQ(actual.size(), expected.size());
  for (std::size_t i = 0; i < actual.size(); ++i) EXPECT_NEAR(actual[i], expected[i], 1e-6) << "component " << i;
}

TEST(OpenAiCompatibleEmbedder, EmbedsADocumentAsAPassageWithTheModelAndTheKey) {
  EmbeddingsPeer peer(16, kKey);
  EmbeddingConfig config = config_for(peer.base_url(), 16);
  config.query_input_type = "query";
  config.document_input_type = "passage";
  config.truncate = "END";
  OpenAiCompatibleEmbedder embedder(config, kQuickBackoff);

  const plugin::Embedding embedding = embedder.embed("A cat plays the piano");

  EXPECT_EQ(embedding.error, "");
  expect_vector_near(embedding.vector, EmbeddingsPeer::vector_for("A cat plays the piano", 16));
  const auto bodies = peer.bodies();
  ASSERT_EQ(bodies.size(), 1u);
  EXPECT_EQ(bodies[0], (json{{"model", "nvidia/nv-embedqa-e5-v5"},
                             {"input", {"A cat plays the piano"}},
                             {"encoding_format", "float"},
                             {"input_type", "passage"},
                             {"truncate", "END"}}));
  EXPECT_EQ(peer.requests()[0].header("Authorization").value_or(""), std::string("Bearer ") + kKey);
  EXPECT_EQ(peer.requests()[0].header("Content-Type").value_or(""), "application/json");
}

TEST(OpenAiCompatibleEmbedder, EmbedsAQueryWithTheQueryInputType) {
  EmbeddingsPeer peer(16);
  EmbeddingConfig config = config_for(peer.base_url(), 16);
  config.query_input_type = "query";
  config.document_input_type = "passage";
  OpenAiCompatibleEmbedder embedder(config, kQuickBackoff);

  const plugin::Embedding embedding = embedder.embed_query("cat piano");

  EXPECT_EQ(embedding.error, "");
  expect_vector_near(embedding.vector, EmbeddingsPeer::vector_for("cat piano", 16));
  ASSERT_EQ(peer.bodies().size(), 1u);
  EXPECT_EQ(peer.bodies()[0]["input_type"], "query");
}

TEST(OpenAiCompatibleEmbedder, SendsNoInputTypeOrTruncateUnlessConfigured) {
  EmbeddingsPeer peer(8);
  OpenAiCompatibleEmbedder embedder(config_for(peer.base_url(), 8), kQuickBackoff);

  EXPECT_EQ(embedder.embed_query("cats").error, "");
  EXPECT_EQ(embedder.embed("cats").error, "");

  for (const auto& body : peer.bodies()) {
    EXPECT_FALSE(body.contains("input_type")) << body.dump();
    EXPECT_FALSE(body.contains("truncate")) << body.dump();
  }
}

TEST(OpenAiCompatibleEmbedder, SendsDocumentsInBatchesAndPlacesEachVectorByItsIndex) {
  EmbeddingsPeer peer(12);
  EmbeddingConfig config = config_for(peer.base_url(), 12);
  config.batch_size = 3;
  OpenAiCompatibleEmbedder embedder(config, kQuickBackoff);
  const std::vector<std::string> texts = {"one", "two", "  ", "three", "four", "five", "six", "seven"};

  const auto embeddings = embedder.embed_documents(texts);

  ASSERT_EQ(embeddings.size(), texts.size());
  for (std::size_t i = 0; i < texts.size(); ++i) {
    if (i == 2) {
      EXPECT_EQ(embeddings[i].error, "Cannot generate embedding for empty text");
      EXPECT_TRUE(embeddings[i].vector.empty());
      continue;
    }
    EXPECT_EQ(embeddings[i].error, "") << texts[i];
    expect_vector_near(embeddings[i].vector, EmbeddingsPeer::vector_for(texts[i], 12));
  }
  const auto bodies = peer.bodies();
  ASSERT_EQ(bodies.size(), 3u);  // seven texts worth sending, three per request
  EXPECT_EQ(bodies[0]["input"], (json{"one", "two", "three"}));
  EXPECT_EQ(bodies[1]["input"], (json{"four", "five", "six"}));
  EXPECT_EQ(bodies[2]["input"], (json{"seven"}));
}

TEST(OpenAiCompatibleEmbedder, AnswersAVectorOf4096Components) {
  EmbeddingsPeer peer(4096);
  OpenAiCompatibleEmbedder embedder(config_for(peer.base_url(), 4096), kQuickBackoff);

  const plugin::Embedding embedding = embedder.embed("NV-Embed-v2 has 4096 dimensions");

  EXPECT_EQ(embedding.error, "");
  expect_vector_near(embedding.vector, EmbeddingsPeer::vector_for("NV-Embed-v2 has 4096 dimensions", 4096));
}

TEST(OpenAiCompatibleEmbedder, AClientErrorIsNotRetriedAndSaysWhatTheServerSaid) {
  EmbeddingsPeer peer(8);
  peer.fail_next(1, 400, R"({"error":{"message":"Input length 9000 exceeds maximum allowed token size 512"}})");
  OpenAiCompatibleEmbedder embedder(config_for(peer.base_url(), 8), kQuickBackoff);

  const plugin::Embedding embedding = embedder.embed("a very long description");

  EXPECT_TRUE(embedding.vector.empty());
  EXPECT_EQ(embedding.error, "embedding server " + peer.base_url() +
                                 "/v1/embeddings answered HTTP 400: Input length 9000 exceeds maximum allowed token "
                                 "size 512");
  EXPECT_EQ(peer.requests().size(), 1u);
}

TEST(OpenAiCompatibleEmbedder, AWrongModelSaysWhichSettingsToCheck) {
  EmbeddingsPeer peer(8);
  peer.fail_next(1, 404, R"({"detail":"Model 'nvidia/nv-embedqa-e5-v5' not found"})");
  OpenAiCompatibleEmbedder embedder(config_for(peer.base_url(), 8), kQuickBackoff);

  EXPECT_EQ(embedder.embed("cats").error, "embedding server " + peer.base_url() +
                                              "/v1/embeddings answered HTTP 404: Model 'nvidia/nv-embedqa-e5-v5' not "
                                              "found (check embedding.base_url and embedding.model)");
}

TEST(OpenAiCompatibleEmbedder, ServerErrorsAndRateLimitsAreRetriedUntilAnAnswerComes) {
  EmbeddingsPeer peer(8);
  peer.fail_next(1, 503, R"({"error":"model is loading"})");
  peer.fail_next(1, 429, R"({"error":{"message":"Rate limit reached"}})");
  EmbeddingConfig config = config_for(peer.base_url(), 8);
  config.max_attempts = 3;
  OpenAiCompatibleEmbedder embedder(config, kQuickBackoff);

  const plugin::Embedding embedding = embedder.embed("cats");

  EXPECT_EQ(embedding.error, "");
  expect_vector_near(embedding.vector, EmbeddingsPeer::vector_for("cats", 8));
  EXPECT_EQ(peer.requests().size(), 3u);
}

TEST(OpenAiCompatibleEmbedder, GivesUpAfterMaxAttemptsAndSaysHowManyThereWere) {
  EmbeddingsPeer peer(8);
  peer.fail_next(5, 500, R"({"error":{"message":"CUDA out of memory"}})");
  EmbeddingConfig config = config_for(peer.base_url(), 8);
  config.max_attempts = 3;
  OpenAiCompatibleEmbedder embedder(config, kQuickBackoff);

  EXPECT_EQ(embedder.embed("cats").error, "embedding server " + peer.base_url() +
                                              "/v1/embeddings answered HTTP 500 (after 3 attempts): CUDA out of memory");
  EXPECT_EQ(peer.requests().size(), 3u);
}

TEST(OpenAiCompatibleEmbedder, ASlowAnswerTimesOutWithinTheConfiguredTime) {
  EmbeddingsPeer peer(8);
  peer.delay_next(1, milliseconds(1500));
  EmbeddingConfig config = config_for(peer.base_url(), 8);
  config.timeout_ms = 200;
  config.max_attempts = 1;
  OpenAiCompatibleEmbedder embedder(config, kQuickBackoff);

  const auto started = Clock::now();
  const plugin::Embedding embedding = embedder.embed("cats");
  const auto elapsed = Clock::now() - started;

  EXPECT_EQ(embedding.error,
            "embedding server " + peer.base_url() + "/v1/embeddings did not answer within 200 ms (embedding.timeout_ms)");
  EXPECT_LT(elapsed, milliseconds(1000));
}

TEST(OpenAiCompatibleEmbedder, ATimedOutRequestIsTriedAgain) {
  EmbeddingsPeer peer(8);
  peer.delay_next(1, milliseconds(1000));
  EmbeddingConfig config = config_for(peer.base_url(), 8);
  config.timeout_ms = 200;
  config.max_attempts = 2;
  OpenAiCompatibleEmbedder embedder(config, kQuickBackoff);

  const plugin::Embedding embedding = embedder.embed("cats");

  EXPECT_EQ(embedding.error, "");
  expect_vector_near(embedding.vector, EmbeddingsPeer::vector_for("cats", 8));
  EXPECT_EQ(peer.requests().size(), 2u);
}

TEST(OpenAiCompatibleEmbedder, AnAnswerOfAnotherDimensionIsRefused) {
  EmbeddingsPeer peer(8);
  peer.answer_dimension(1024);
  OpenAiCompatibleEmbedder embedder(config_for(peer.base_url(), 8), kQuickBackoff);

  const plugin::Embedding embedding = embedder.embed("cats");

  EXPECT_TRUE(embedding.vector.empty());
  EXPECT_EQ(embedding.error, "embedding server " + peer.base_url() +
                                 "/v1/embeddings (model 'nvidia/nv-embedqa-e5-v5'): the vector has 1024 components, "
                                 "embedding.dimension says 8: set embedding.dimension to the model's dimension");
}

TEST(OpenAiCompatibleEmbedder, ABadKeyIsReportedWithoutTheKey) {
  EmbeddingsPeer peer(8, "the-right-key");
  OpenAiCompatibleEmbedder embedder(config_for(peer.base_url(), 8), kQuickBackoff);

  const plugin::Embedding embedding = embedder.embed("cats");

  EXPECT_EQ(peer.requests().size(), 1u);  // a refused key is not tried again
  EXPECT_EQ(embedding.error, "embedding server " + peer.base_url() +
                                 "/v1/embeddings answered HTTP 401: Incorrect API key provided: [redacted]. (check "
                                 "embedding.api_key or KILLRVIDEO_EMBEDDING_API_KEY)");
  EXPECT_EQ(embedding.error.find(kKey), std::string::npos);
}

TEST(OpenAiCompatibleEmbedder, AnAnswerThatIsNotJsonIsAnError) {
  EmbeddingsPeer peer(8);
  peer.fail_next(1, 200, "<html>gateway</html>");
  OpenAiCompatibleEmbedder embedder(config_for(peer.base_url(), 8), kQuickBackoff);

  EXPECT_EQ(embedder.embed("cats").error, "embedding server " + peer.base_url() +
                                              "/v1/embeddings (model 'nvidia/nv-embedqa-e5-v5'): the answer is not a "
                                              "JSON object: <html>gateway</html>");
}

TEST(OpenAiCompatibleEmbedder, AnUnreachableServerIsNamed) {
  const std::string base_url = "http://127.0.0.1:" + std::to_string(testing::unused_port());
  EmbeddingConfig config = config_for(base_url, 8);
  config.max_attempts = 2;
  OpenAiCompatibleEmbedder embedder(config, kQuickBackoff);

  const std::string error = embedder.embed("cats").error;

  EXPECT_EQ(error.rfind("cannot connect to embedding server " + base_url + "/v1/embeddings (after 2 attempts): ", 0),
            0u)
      << error;
}

TEST(OpenAiCompatibleEmbedder, EmptyTextIsRefusedWithoutARequest) {
  EmbeddingsPeer peer(8);
  OpenAiCompatibleEmbedder embedder(config_for(peer.base_url(), 8), kQuickBackoff);

  EXPECT_EQ(embedder.embed(" \n").error, "Cannot generate embedding for empty text");
  EXPECT_TRUE(peer.requests().empty());
}

TEST(OpenAiCompatibleEmbedder, ABaseUrlEndingInV1IsNotDoubled) {
  EmbeddingConfig config = config_for("https://integrate.api.nvidia.com/v1/", 1024);
  EXPECT_EQ(OpenAiCompatibleEmbedder(config).url(), "https://integrate.api.nvidia.com/v1/embeddings");
  config.base_url = "http://localhost:8000";
  EXPECT_EQ(OpenAiCompatibleEmbedder(config).url(), "http://localhost:8000/v1/embeddings");
}

TEST(OpenAiCompatibleEmbedder, AnUnusableConfigNamesTheKey) {
  const auto message_for = [](const EmbeddingConfig& config) {
    try {
      OpenAiCompatibleEmbedder embedder(config);
    } catch (const std::invalid_argument& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  EmbeddingConfig config = config_for("", 8);
  EXPECT_EQ(message_for(config), "embedding.base_url is missing: the server root, e.g. http://localhost:8000 for a "
                                 "local NIM or https://integrate.api.nvidia.com");
  config.base_url = "ftp://example.com";
  EXPECT_EQ(message_for(config), "embedding.base_url 'ftp://example.com' must start with https:// or http://");
  config.base_url = "http://localhost:8000";
  config.model = "";
  EXPECT_EQ(message_for(config),
            "embedding.model is missing: the model name the server expects, e.g. nvidia/nv-embedqa-e5-v5");
}

}  // namespace
}  // namespace killrvideo::host
