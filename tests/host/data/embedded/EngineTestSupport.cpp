#include "EngineTestSupport.h"

#include <cstdlib>
#include <regex>

namespace killrvideo::host::embedded::testing {

void EngineTest::SetUp() {
  char pattern[] = "/tmp/embedded-engine-XXXXXX";
  ASSERT_NE(mkdtemp(pattern), nullptr);
  dir_ = pattern;
  engine_ = std::make_unique<EmbeddedEngine>(EngineOptions{dir_, 50});
}

void EngineTest::TearDown() {
  engine_.reset();
  std::filesystem::remove_all(dir_);
}

json EngineTest::run(const std::string& target, const nlohmann::ordered_json& command) {
  return engine_->execute("ks", target, command);
}

void EngineTest::reopen(int page_size) {
  engine_.reset();
  engine_ = std::make_unique<EmbeddedEngine>(EngineOptions{dir_, page_size});
}

void EngineTest::create_videos_table() {
  const json ok = {{"status", {{"ok", 1}}}};
  ASSERT_EQ(run("", R"({"createTable":{"name":"videos","definition":{"columns":{
      "videoid":"uuid","userid":"uuid","name":"text","description":"text","category":"text",
      "added_date":"timestamp","tags":{"type":"set","valueType":"text"},"views":"bigint",
      "content_features":{"type":"vector","dimension":4}},"primaryKey":"videoid"},
      "options":{"ifNotExists":true}}})"_json),
            ok);
  ASSERT_EQ(run("videos", R"({"createVectorIndex":{"name":"videos_features_idx","definition":{"column":"content_features",
      "options":{"metric":"cosine","sourceModel":"other"}},"options":{"ifNotExists":true}}})"_json),
            ok);
  ASSERT_EQ(run("videos", R"({"createIndex":{"name":"videos_userid_idx","definition":{"column":"userid"},
      "options":{"ifNotExists":true}}})"_json),
            ok);
}

void EngineTest::create_latest_videos_table() {
  ASSERT_EQ(run("", R"({"createTable":{"name":"latest_videos","definition":{"columns":{"day":"date",
      "added_date":"timestamp","videoid":"uuid","name":"text"},
      "primaryKey":{"partitionBy":["day"],"partitionSort":{"added_date":-1,"videoid":1}}}}})"_json),
            json({{"status", {{"ok", 1}}}}));
}

namespace {

void strip_ids(json& objects) {
  static const std::regex uuid4("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
  for (auto& object : objects) {
    EXPECT_TRUE(std::regex_match(object.value("id", std::string()), uuid4)) << object.dump();
    object.erase("id");
  }
}

}  // namespace

json without_ids(json response) {
  if (response.contains("errors")) strip_ids(response["errors"]);
  if (response.contains("status") && response["status"].contains("warnings")) strip_ids(response["status"]["warnings"]);
  return response;
}

void expect_error(const json& response, const std::string& scope, const std::string& code, const std::string& title,
                  const json& status) {
  ASSERT_TRUE(response.contains("errors")) << response.dump();
  ASSERT_EQ(response["errors"].size(), 1U) << response.dump();
  const json& error = response["errors"][0];
  ASSERT_TRUE(error.contains("message") && error["message"].is_string() && !error["message"].get<std::string>().empty())
      << response.dump();
  json expected = {{"errors", json::array({{{"family", "REQUEST"}, {"scope", scope}, {"errorCode", code},
                                            {"title", title}, {"message", error["message"]}}})}};
  if (!status.is_null()) expected["status"] = status;
  EXPECT_EQ(without_ids(response), expected) << response.dump();
}

std::vector<std::string> warning_codes(const json& response) {
  std::vector<std::string> codes;
  if (!response.contains("status") || !response["status"].contains("warnings")) return codes;
  for (const auto& warning : response["status"]["warnings"]) {
    EXPECT_EQ(warning["scope"], "WARNING");
    EXPECT_EQ(warning["family"], "REQUEST");
    EXPECT_EQ(warning.size(), 6U) << warning.dump();
    codes.push_back(warning["errorCode"]);
  }
  return codes;
}

}  // namespace killrvideo::host::embedded::testing
