// The server on each real backend: declared tables are created at start-up and plugins reach them through
// the seam — in the embedded engine on disk, and over HTTP in a Data API server (killrvideo-dataapi).

#include <filesystem>

#include <gtest/gtest.h>

#include "data/astra/AstraDataClient.h"
#include "tests/host/data/astra/DataApiProcess.h"
#include "tests/integration/TestConfig.h"
#include "tests/support/HttpClient.h"

namespace killrvideo::testing {
namespace {

constexpr const char* kPlugins = "  - { name: example }\n  - { name: needs_example }\n";
constexpr const char* kFindNotes = "/api/v1/fixtures/needs-example/data?target=example_notes&command=find";

TEST(DataBackendTest, EmbeddedBackendCreatesDeclaredTablesOnDisk) {
  ServerProcess server(test_config(kPlugins, "", "", "database:\n  backend: embedded\n  embedded: { data_dir: ./data }\n"));
  HttpClient client(server.base_url());
  const auto body = client.get(kFindNotes).json();
  EXPECT_EQ(body["data"], nlohmann::json::parse(R"({"documents":[],"nextPageState":null})")) << body;
  EXPECT_TRUE(std::filesystem::exists(server.working_dir() + "/data/killrvideo.db"));
  EXPECT_NE(server.output().find("plugin 'example': 1 tables and 0 collections ready"), std::string::npos);
}

TEST(DataBackendTest, AstraBackendCreatesDeclaredTablesThroughTheDataApi) {
  const std::string token = "AstraCS:integration-token";
  DataApiProcess data_api(token);
  ServerProcess server(test_config(kPlugins, "", "",
                                   "database:\n  backend: astra\n  astra:\n    endpoint: " + data_api.base_url() +
                                       "\n    token: \"" + token + "\"\n    keyspace: killrvideo\n"));
  HttpClient client(server.base_url());
  const auto body = client.get(kFindNotes).json();
  EXPECT_EQ(body["data"], nlohmann::json::parse(R"({"documents":[],"nextPageState":null})")) << body;

  host::AstraConfig direct;
  direct.endpoint = data_api.base_url();
  direct.token = token;
  direct.keyspace = "killrvideo";
  host::astra::AstraDataClient check(direct);
  // The plugin's table, and the host's record of which embeddings the store holds.
  EXPECT_EQ(check.execute("", {{"listTables", nlohmann::ordered_json::object()}})["status"]["tables"],
            nlohmann::ordered_json::array({"embedding_profile", "example_notes"}));
  const auto record = check.execute("embedding_profile", {{"findOne", {{"filter", {{"id", "store"}}}}}});
  EXPECT_EQ(nlohmann::json::parse(record["data"]["document"].dump()),
            nlohmann::json::parse(R"({"id":"store","provider":"local","model":"","dimension":384})"))
      << record;
  EXPECT_EQ(server.output().find(token), std::string::npos) << "the token is never logged";
}

TEST(DataBackendTest, UnusableAstraSettingsStopStartUpWithoutShowingTheToken) {
  const auto result = ServerProcess::run_to_exit(test_config(
      kPlugins, "", "", "database:\n  backend: astra\n  astra:\n    endpoint: \"\"\n    token: \"AstraCS:secret-xyz\"\n"));
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.output.find("killrvideo: database.astra:"), std::string::npos) << result.output;
  EXPECT_EQ(result.output.find("secret-xyz"), std::string::npos);
}

}  // namespace
}  // namespace killrvideo::testing
