// A store holds the vectors of one provider, model and dimension: the real server records them at the
// first start and refuses to start on the same store with others.

#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "data/embedded/EmbeddedEngine.h"
#include "tests/host/services/EmbeddingsPeer.h"
#include "tests/integration/TestConfig.h"
#include "tests/support/HttpClient.h"

namespace killrvideo::testing {
namespace {

std::string error_line(const ExitResult& result) {
  const auto at = result.output.find("killrvideo: ");
  if (at == std::string::npos) return "(no error line) " + result.output;
  return result.output.substr(at, result.output.find('\n', at) - at);
}

class EmbeddingProfileGuardTest : public ::testing::Test {
 protected:
  std::string config(const std::string& embedding) const {
    return test_config("  - { name: catalog }\n", "", "",
                       "database:\n  backend: embedded\n  embedded: { data_dir: \"" + store_.path() + "/data\" }\n"
                       "embedding:\n" + embedding);
  }
  std::string local(int dimension) const {
    return config("  provider: local\n  dimension: " + std::to_string(dimension) + "\n");
  }
  std::string remote(const std::string& model, int dimension) const {
    return config("  provider: openai-compatible\n  dimension: " + std::to_string(dimension) + "\n  base_url: " +
                  peer_.base_url() + "\n  model: " + model + "\n");
  }
  // Starts the server on the store, checks it answers, and stops it.
  void start_and_stop(const std::string& config_yaml) const {
    ServerProcess server(config_yaml);
    HttpClient client(server.base_url());
    EXPECT_EQ(client.get("/api/v1/videos/latest").status, 200);
  }

  TempDir store_;
  EmbeddingsPeer peer_{64};
};

TEST_F(EmbeddingProfileGuardTest, TheSameEmbeddingsStartAgain) {
  start_and_stop(remote("nvidia/nv-embedqa-e5-v5", 64));
  start_and_stop(remote("nvidia/nv-embedqa-e5-v5", 64));
}

TEST_F(EmbeddingProfileGuardTest, AnotherProviderOnTheSameStoreStopsStartUpAndSaysWhatToDo) {
  start_and_stop(local(64));

  const auto result = ServerProcess::run_to_exit(remote("nvidia/nv-embedqa-e5-v5", 64));

  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(error_line(result),
            "killrvideo: embedding: this store's vectors were made with provider 'local', dimension 64, but the "
            "config asks for provider 'openai-compatible', model 'nvidia/nv-embedqa-e5-v5', dimension 64; vectors of "
            "the two cannot be compared, so the server will not mix them. Either set embedding back to provider "
            "'local', dimension 64, or point database.embedded.data_dir (or database.astra.keyspace) at a new store "
            "and fill it with killrvideo-load, which embeds every video with the configured provider (README, "
            "\"Changing the embedding provider\")");
  start_and_stop(local(64));  // the refusal changed nothing
}

TEST_F(EmbeddingProfileGuardTest, AnotherDimensionOnTheSameStoreStopsStartUp) {
  start_and_stop(local(64));

  const auto result = ServerProcess::run_to_exit(local(32));

  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(error_line(result).find("made with provider 'local', dimension 64, but the config asks for provider "
                                    "'local', dimension 32;"),
            std::string::npos)
      << error_line(result);
}

TEST_F(EmbeddingProfileGuardTest, AnotherModelOnTheSameStoreStopsStartUp) {
  start_and_stop(remote("nvidia/nv-embedqa-e5-v5", 64));

  const auto result = ServerProcess::run_to_exit(remote("nvidia/nv-embed-v1", 64));

  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(error_line(result).find("made with provider 'openai-compatible', model 'nvidia/nv-embedqa-e5-v5', "
                                    "dimension 64, but the config asks for provider 'openai-compatible', model "
                                    "'nvidia/nv-embed-v1', dimension 64;"),
            std::string::npos)
      << error_line(result);
}

// Stores made before the record existed could only have been embedded by the local provider.
TEST_F(EmbeddingProfileGuardTest, AStoreWithVectorsButNoRecordWasEmbeddedLocally) {
  {
    host::embedded::EmbeddedEngine engine(host::embedded::EngineOptions{store_.path() + "/data"});
    const auto created = engine.execute(
        "killrvideo", "",
        {{"createTable",
          {{"name", "older_vectors"},
           {"definition",
            {{"columns", {{"videoid", "uuid"}, {"content_features", {{"type", "vector"}, {"dimension", 64}}}}},
             {"primaryKey", "videoid"}}}}}});
    ASSERT_FALSE(created.contains("errors")) << created.dump();
  }

  const auto refused = ServerProcess::run_to_exit(remote("nvidia/nv-embedqa-e5-v5", 64));
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(error_line(refused).find("made with provider 'local', dimension 64, but the config asks for provider "
                                     "'openai-compatible'"),
            std::string::npos)
      << error_line(refused);

  start_and_stop(local(64));
}

}  // namespace
}  // namespace killrvideo::testing
