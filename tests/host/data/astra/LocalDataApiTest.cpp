// End to end: AstraDataClient against the real killrvideo-dataapi binary (the embedded engine behind the
// Data API wire format), and the HTTP-layer answers of that server.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "data/astra/AstraDataClient.h"
#include "tests/host/data/astra/AstraTestConfig.h"
#include "tests/host/data/astra/DataApiProcess.h"
#include "tests/support/HttpClient.h"

namespace killrvideo::host::astra {
namespace {

using json = nlohmann::ordered_json;
using testing::astra_config;
using testing::DataApiProcess;
using testing::HttpClient;
using testing::kTestToken;

const std::string kVideoId = "1b0b5c3e-7a5e-4c4f-9d0a-3f2e1d0c9b8a";
const std::string kKeyspacePath = "/api/json/v1/killrvideo";
const std::string kTokenHeader = std::string("Token: ") + kTestToken;

const json kCreateVideos = json::parse(R"({"createTable":{"name":"videos","definition":{"columns":{
    "videoid":"uuid","name":"text","views":"bigint","tags":{"type":"set","valueType":"text"}},
    "primaryKey":"videoid"},"options":{"ifNotExists":true}}})");

std::string error_code(const json& envelope) {
  return envelope.contains("errors") && !envelope["errors"].empty() ? envelope["errors"][0].value("errorCode", "")
                                                                      : "";
}

class LocalDataApi : public ::testing::Test {
 protected:
  DataApiProcess server_{kTestToken};
  HttpClient http_{server_.base_url()};
};

TEST_F(LocalDataApi, CreateInsertAndFindThroughTheAstraClient) {
  AstraDataClient client(astra_config(server_.base_url()));
  EXPECT_EQ(client.execute("", kCreateVideos), json::parse(R"({"status":{"ok":1}})"));

  const json inserted = client.execute(
      "videos", {{"insertOne", {{"document", {{"videoid", kVideoId}, {"name", "Intro"}, {"views", 9007199254740993}}}}}});
  ASSERT_FALSE(inserted.contains("errors")) << inserted.dump();
  EXPECT_EQ(inserted["status"]["insertedIds"], json::array({json::array({kVideoId})}));

  const json found = client.execute("videos", {{"findOne", {{"filter", {{"videoid", kVideoId}}}}}});
  ASSERT_FALSE(found.contains("errors")) << found.dump();
  EXPECT_EQ(found["data"]["document"]["name"], "Intro");
  EXPECT_EQ(found["data"]["document"]["views"].get<std::int64_t>(), 9007199254740993);
  EXPECT_EQ(found["status"]["projectionSchema"]["views"]["type"], "bigint");
}

TEST_F(LocalDataApi, CommandErrorsArriveInHttp200Bodies) {
  AstraDataClient client(astra_config(server_.base_url()));
  EXPECT_EQ(error_code(client.execute("no_such_table", {{"findOne", {{"filter", json::object()}}}})),
            "UNKNOWN_COLLECTION_OR_TABLE");
}

TEST_F(LocalDataApi, WrongTokenIsUnauthenticatedThroughTheClient) {
  auto config = astra_config(server_.base_url());
  config.token = "AstraCS:not-the-right-one";
  const json response = AstraDataClient(config).execute("", {{"listTables", json::object()}});
  EXPECT_EQ(error_code(response), "UNAUTHENTICATED_REQUEST");
  EXPECT_EQ(response["errors"][0]["scope"], "SECURITY");
  EXPECT_EQ(response["errors"][0]["family"], "REQUEST");
}

TEST_F(LocalDataApi, MissingTokenIs401WithTheDataApiEnvelope) {
  const auto response = http_.post(kKeyspacePath, R"({"listTables":{}})");
  EXPECT_EQ(response.status, 401);
  EXPECT_EQ(error_code(response.json()), "MISSING_AUTHENTICATION_TOKEN");
  EXPECT_EQ(response.json()["errors"][0]["scope"], "SECURITY");
}

TEST_F(LocalDataApi, WrongTokenIs401) {
  const auto response = http_.post(kKeyspacePath, R"({"listTables":{}})", {"Token: AstraCS:wrong"});
  EXPECT_EQ(response.status, 401);
  EXPECT_EQ(error_code(response.json()), "UNAUTHENTICATED_REQUEST");
}

TEST_F(LocalDataApi, LegacyTokenHeaderIsAccepted) {
  const auto response = http_.post(kKeyspacePath, R"({"listTables":{}})", {std::string("X-Cassandra-Token: ") + kTestToken});
  EXPECT_EQ(response.status, 200);
  EXPECT_TRUE(response.json()["status"].contains("tables")) << response.body;
}

TEST_F(LocalDataApi, OtherContentTypesAre415) {
  const auto response =
      http_.request("POST", kKeyspacePath, R"({"listTables":{}})", {kTokenHeader, "Content-Type: text/plain"});
  EXPECT_EQ(response.status, 415);
  EXPECT_EQ(error_code(response.json()), "UNSUPPORTED_CONTENT_TYPE");
}

TEST_F(LocalDataApi, JsonWithCharsetIsAccepted) {
  const auto response = http_.request("POST", kKeyspacePath, R"({"listTables":{}})",
                                      {kTokenHeader, "Content-Type: application/json; charset=utf-8"});
  EXPECT_EQ(response.status, 200);
}

TEST_F(LocalDataApi, MalformedJsonAndDuplicateKeysAreRequestNotJsonWith200) {
  for (const char* body : {R"({"listTables":)", R"({"findOne":{"filter":{"a":1,"a":2}}})", ""}) {
    const auto response = http_.post(kKeyspacePath + "/videos", body, {kTokenHeader});
    EXPECT_EQ(response.status, 200) << body;
    EXPECT_EQ(error_code(response.json()), "REQUEST_NOT_JSON") << body;
  }
}

// HCD and DSE serve the Data API under /v1, where the clients' non-Astra environments send it.
TEST_F(LocalDataApi, SelfManagedPathServesTheSameKeyspace) {
  const auto response = http_.post("/v1/killrvideo", R"({"listTables":{}})", {kTokenHeader});
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.json(), http_.post(kKeyspacePath, R"({"listTables":{}})", {kTokenHeader}).json());
  EXPECT_EQ(http_.post("/v1/killrvideo/videos", R"({"findOne":{}})", {kTokenHeader}).status, 200);
}

TEST_F(LocalDataApi, OtherPathsAre404AndOtherMethods405) {
  EXPECT_EQ(http_.post("/api/json/v1", "{}", {kTokenHeader}).status, 404);
  EXPECT_EQ(http_.post("/api/json/v1/killrvideo/videos/extra", "{}", {kTokenHeader}).status, 404);
  EXPECT_EQ(http_.post("/api/json/v1/bad-name", "{}", {kTokenHeader}).status, 404);
  EXPECT_EQ(http_.post("/v1", "{}", {kTokenHeader}).status, 404);
  EXPECT_EQ(http_.post("/v2/killrvideo", "{}", {kTokenHeader}).status, 404);
  const auto get = http_.get(kKeyspacePath, {kTokenHeader});
  EXPECT_EQ(get.status, 405);
  EXPECT_EQ(get.header("allow"), "POST");
}

TEST_F(LocalDataApi, BodiesOver20MegabytesAre413) {
  const std::string huge = R"({"insertOne":{"document":{"name":")" + std::string(20 * 1024 * 1024, 'x') + R"("}}})";
  EXPECT_EQ(http_.post(kKeyspacePath + "/videos", huge, {kTokenHeader}).status, 413);
}

TEST_F(LocalDataApi, StopsCleanlyOnSigterm) {
  EXPECT_EQ(server_.terminate(std::chrono::seconds(10)), 0);
  EXPECT_NE(server_.output().find("stopped"), std::string::npos) << server_.output();
}

}  // namespace
}  // namespace killrvideo::host::astra
