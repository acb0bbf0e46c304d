// The schema bootstrap creates what plugins declare, text indexes included, on a real embedded engine.
#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include <nlohmann/json.hpp>

#include "app/SchemaBootstrap.h"
#include "app/StartupError.h"
#include "data/embedded/EmbeddedEngine.h"
#include "killrvideo/plugin/data/TableSpec.h"

namespace killrvideo::host {
namespace {

using json = nlohmann::ordered_json;

class KeyspaceClient final : public plugin::DataClient {
 public:
  explicit KeyspaceClient(embedded::EmbeddedEngine& engine) : engine_(engine) {}
  json execute(const std::string& target, const json& command) noexcept override {
    return engine_.execute("ks", target, command);
  }

 private:
  embedded::EmbeddedEngine& engine_;
};

class SchemaBootstrapTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("kv-bootstrap-" + std::to_string(std::random_device{}()));
    engine_ = std::make_unique<embedded::EmbeddedEngine>(embedded::EngineOptions{dir_, 20});
    client_ = std::make_unique<KeyspaceClient>(*engine_);
  }
  void TearDown() override {
    client_.reset();
    engine_.reset();
    std::filesystem::remove_all(dir_);
  }
  static Registration declaring(const plugin::data::TableSpec& spec) {
    Registration registration;
    registration.plugin = "search";
    registration.owned_tables[spec.name()] = spec.to_json();
    return registration;
  }
  static plugin::data::TableSpec videos(const std::string& analyzer) {
    return plugin::data::TableSpec("videos")
        .column("videoid", "uuid")
        .column("name", "text")
        .partition_by({"videoid"})
        .text_index("videos_name_text", "name", analyzer);
  }

  std::filesystem::path dir_;
  std::unique_ptr<embedded::EmbeddedEngine> engine_;
  std::unique_ptr<KeyspaceClient> client_;
};

TEST_F(SchemaBootstrapTest, CreatesTextIndexesIdempotently) {
  const std::vector<Registration> registrations = {declaring(videos("english"))};
  create_declared_schema(*client_, registrations);
  create_declared_schema(*client_, registrations);  // a restart
  EXPECT_EQ(client_->execute("videos", json::parse(R"({"listIndexes":{"options":{"explain":true}}})")),
            json::parse(R"({"status":{"indexes":[{"name":"videos_name_text",
                "definition":{"column":"name","options":{"analyzer":"english"}},"indexType":"text"}]}})"));
  client_->execute("videos", json::parse(R"({"insertOne":{"document":{
      "videoid":"1b0b5c3e-7a5e-4c4f-9d0a-3f2e1d0c9b8a","name":"Running Cassandra"}}})"));
  const json found = client_->execute("videos", json::parse(R"({"find":{"filter":{"name":{"$match":"run"}},
      "projection":{"name":1}}})"));
  EXPECT_EQ(found["data"]["documents"], json::parse(R"([{"name":"Running Cassandra"}])"));
}

TEST_F(SchemaBootstrapTest, AnAnalyzerTheBackendLacksStopsStartUpNamingTheIndex) {
  try {
    create_declared_schema(*client_, {declaring(videos("klingon"))});
    FAIL() << "expected a StartupError";
  } catch (const StartupError& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find("plugin 'search'"), std::string::npos) << message;
    EXPECT_NE(message.find("text index videos_name_text"), std::string::npos) << message;
    EXPECT_NE(message.find("INVALID_TEXT_INDEX_ANALYZER"), std::string::npos) << message;
  }
}

}  // namespace
}  // namespace killrvideo::host
