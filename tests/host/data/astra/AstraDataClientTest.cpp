// AstraDataClient against a scripted Data API on loopback: what goes on the wire, and how each kind of
// answer comes back through the seam.

#include "data/astra/AstraDataClient.h"

#include <atomic>
#include <chrono>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/host/data/astra/AstraTestConfig.h"
#include "tests/host/data/astra/ScriptedPeer.h"

namespace killrvideo::host::astra {
namespace {

using json = nlohmann::ordered_json;
using testing::astra_config;
using testing::json_reply;
using testing::kTestToken;
using testing::PeerScript;
using testing::ScriptedPeer;
using testing::text_reply;

using Clock = std::chrono::steady_clock;

const json kFindOne = {{"findOne", {{"filter", {{"videoid", "1b0b5c3e-7a5e-4c4f-9d0a-3f2e1d0c9b8a"}}}}}};
const json kInsertOne = {{"insertOne", {{"document", {{"videoid", "1b0b5c3e-7a5e-4c4f-9d0a-3f2e1d0c9b8a"}}}}}};

PeerScript answer(int status, const std::string& body) {
  return [status, body](const IncomingRequest&) { return json_reply(status, body); };
}

PeerScript answer_text(int status, const std::string& text) {
  return [status, text](const IncomingRequest&) { return text_reply(status, text); };
}

PeerScript answer_after(std::chrono::milliseconds delay) {
  return [delay](const IncomingRequest&) {
    std::this_thread::sleep_for(delay);
    return json_reply(200, R"({"data":{"document":null}})");
  };
}

json only_error(const json& envelope) {
  return envelope.contains("errors") && envelope["errors"].size() == 1 ? envelope["errors"][0] : json();
}

TEST(AstraDataClient, PostsTableCommandsToTheTableUrlWithTheDataApiHeaders) {
  ScriptedPeer peer(answer(200, R"({"data":{"document":null}})"));
  AstraDataClient client(astra_config(peer.endpoint()));
  client.execute("videos", kFindOne);

  const auto requests = peer.requests();
  ASSERT_EQ(requests.size(), 1u);
  const auto& sent = requests[0];
  EXPECT_EQ(sent.method, "POST");
  EXPECT_EQ(sent.raw_path, "/api/json/v1/killrvideo/videos");
  EXPECT_EQ(sent.header("Token").value_or(""), kTestToken);
  EXPECT_EQ(sent.header("Content-Type").value_or(""), "application/json");
  EXPECT_EQ(sent.header("Accept").value_or(""), "application/json");
  const std::string agent(sent.header("User-Agent").value_or(""));
  EXPECT_EQ(agent.rfind("killrvideo-cpp/", 0), 0u) << agent;
  EXPECT_NE(agent.find(" libcurl/"), std::string::npos) << agent;
  EXPECT_EQ(json::parse(sent.body), kFindOne);
}

TEST(AstraDataClient, KeyspaceCommandsGoToTheKeyspaceUrl) {
  ScriptedPeer peer(answer(200, R"({"status":{"ok":1}})"));
  auto config = astra_config(peer.endpoint() + "/");  // a trailing slash is tolerated
  AstraDataClient client(config);
  client.execute("", {{"createTable", {{"name", "videos"}}}});
  ASSERT_EQ(peer.requests().size(), 1u);
  EXPECT_EQ(peer.requests()[0].raw_path, "/api/json/v1/killrvideo");
}

// embedding.provider astra-vectorize: Astra embeds, so the text and the service declarations must reach it
// exactly as the plugins wrote them, key order included.
TEST(AstraDataClient, VectorizeCommandsGoOutAsWritten) {
  ScriptedPeer peer(answer(200, R"({"status":{"ok":1}})"));
  AstraDataClient client(astra_config(peer.endpoint()));
  const json service = {{"provider", "nvidia"}, {"modelName", "NV-Embed-QA"}};
  const std::vector<std::pair<std::string, json>> commands = {
      {"", {{"createTable",
             {{"name", "videos"},
              {"definition",
               {{"columns",
                 {{"videoid", "uuid"},
                  {"content_features", {{"type", "vector"}, {"dimension", 1024}, {"service", service}}}}},
                {"primaryKey", "videoid"}}}}}}},
      {"videos", {{"insertOne", {{"document", {{"videoid", "1b0b5c3e-7a5e-4c4f-9d0a-3f2e1d0c9b8a"},
                                               {"content_features", "Data modeling\nPartitions and clustering"}}}}}}},
      {"videos", {{"find", {{"sort", {{"content_features", "videos about databases"}}},
                            {"options", {{"limit", 10}, {"includeSimilarity", true}}}}}}},
      {"videos", {{"alterTable", {{"operation", {{"addVectorize", {{"columns", {{"content_features", service}}}}}}}}}}},
      {"notes", {{"insertOne", {{"document", {{"_id", "n1"}, {"$vectorize", "gossip between replicas"}}}}}}},
      {"notes", {{"find", {{"sort", {{"$vectorize", "cluster state"}}}}}}},
  };
  for (const auto& [target, command] : commands) client.execute(target, command);

  const auto requests = peer.requests();
  ASSERT_EQ(requests.size(), commands.size());
  for (std::size_t i = 0; i < commands.size(); ++i) {
    EXPECT_EQ(requests[i].raw_path, "/api/json/v1/killrvideo" + (commands[i].first.empty() ? "" : "/" + commands[i].first));
    EXPECT_EQ(requests[i].body, commands[i].second.dump()) << "command " << i;
  }
}

TEST(AstraDataClient, ReturnsTheResponseBodyAsSent) {
  const std::string body = R"({"data":{"document":{"videoid":"1b0b","views":9007199254740993}},)"
                           R"("status":{"projectionSchema":{"views":{"type":"bigint"}}}})";
  ScriptedPeer peer(answer(200, body));
  AstraDataClient client(astra_config(peer.endpoint()));
  const json response = client.execute("videos", kFindOne);
  EXPECT_EQ(response, json::parse(body));
  EXPECT_EQ(response["data"]["document"]["views"].get<std::int64_t>(), 9007199254740993);
}

TEST(AstraDataClient, ErrorsInsideHttp200PassThroughUntouched) {
  const std::string body = R"({"errors":[{"id":"6c1f0e8a","family":"REQUEST","scope":"UPDATE",)"
                           R"("errorCode":"UNSUPPORTED_UPDATE_OPERATIONS_FOR_TABLE","title":"t","message":"m"}]})";
  ScriptedPeer peer(answer(200, body));
  AstraDataClient client(astra_config(peer.endpoint()));
  EXPECT_EQ(client.execute("videos", {{"updateOne", json::object()}}), json::parse(body));
}

TEST(AstraDataClient, PartialSuccessKeepsStatusAndErrors) {
  const std::string body = R"({"status":{"insertedIds":[["a1"]]},"errors":[{"errorCode":"INVALID_COLUMN_VALUES"}]})";
  ScriptedPeer peer(answer(200, body));
  AstraDataClient client(astra_config(peer.endpoint()));
  EXPECT_EQ(client.execute("videos", {{"insertMany", json::object()}}), json::parse(body));
}

TEST(AstraDataClient, DataApiErrorBodiesOnOtherStatusesPassThrough) {
  const std::string body = R"({"errors":[{"family":"REQUEST","scope":"SECURITY",)"
                           R"("errorCode":"UNAUTHENTICATED_REQUEST","title":"t","message":"m"}]})";
  ScriptedPeer peer(answer(401, body));
  AstraDataClient client(astra_config(peer.endpoint()));
  EXPECT_EQ(client.execute("videos", kFindOne), json::parse(body));
}

TEST(AstraDataClient, NonJsonErrorStatusBecomesUnavailableDatabase) {
  ScriptedPeer peer(answer_text(502, "upstream connect error or disconnect/reset before headers"));
  AstraDataClient client(astra_config(peer.endpoint()));
  const json error = only_error(client.execute("videos", kFindOne));
  EXPECT_EQ(error["errorCode"], "UNAVAILABLE_DATABASE");
  EXPECT_EQ(error["family"], "SERVER");
  EXPECT_EQ(error["scope"], "DATABASE");
  const std::string message = error["message"];
  EXPECT_NE(message.find("HTTP 502"), std::string::npos) << message;
  EXPECT_NE(message.find("upstream connect error"), std::string::npos) << message;
  EXPECT_FALSE(error["id"].get<std::string>().empty());
}

TEST(AstraDataClient, Http500WithTextIsNotRetried) {
  ScriptedPeer peer(answer_text(500, "Internal Server Error"));
  AstraDataClient client(astra_config(peer.endpoint()), testing::quick_retries());
  EXPECT_EQ(only_error(client.execute("videos", kFindOne))["errorCode"], "UNAVAILABLE_DATABASE");
  EXPECT_EQ(peer.requests().size(), 1u);
}

TEST(AstraDataClient, MalformedSuccessBodyIsAFailedRead) {
  ScriptedPeer peer(answer(200, R"({"data":{"document":)"));
  AstraDataClient client(astra_config(peer.endpoint()));
  const json error = only_error(client.execute("videos", kFindOne));
  EXPECT_EQ(error["errorCode"], "FAILED_READ_REQUEST");
  EXPECT_EQ(error["scope"], "DATABASE");
  EXPECT_NE(error["message"].get<std::string>().find("not a JSON object"), std::string::npos);
}

TEST(AstraDataClient, NonObjectSuccessBodyOfAWriteSaysTheOutcomeIsUnknown) {
  ScriptedPeer peer(answer_text(200, "<html>maintenance</html>"));
  AstraDataClient client(astra_config(peer.endpoint()));
  const json error = only_error(client.execute("videos", kInsertOne));
  EXPECT_EQ(error["errorCode"], "FAILED_WRITE_REQUEST");
  EXPECT_NE(error["message"].get<std::string>().find("may or may not have been applied"), std::string::npos);
}

TEST(AstraDataClient, SlowReadTimesOutWithinTheTimeout) {
  ScriptedPeer peer(answer_after(std::chrono::milliseconds(1000)));
  AstraDataClient client(astra_config(peer.endpoint(), 300), testing::quick_retries());
  const auto started = Clock::now();
  const json error = only_error(client.execute("videos", kFindOne));
  const auto elapsed = Clock::now() - started;
  EXPECT_EQ(error["errorCode"], "TIMEOUT_READING_DATA");
  EXPECT_EQ(error["family"], "SERVER");
  EXPECT_NE(error["message"].get<std::string>().find("300 ms"), std::string::npos);
  EXPECT_GE(elapsed, std::chrono::milliseconds(250));
  EXPECT_LT(elapsed, std::chrono::milliseconds(1000));
  EXPECT_EQ(peer.requests().size(), 1u);  // a timeout is not a connection failure: no retry
}

TEST(AstraDataClient, SlowWriteTimesOutOnceAndIsNeverRepeated) {
  ScriptedPeer peer(answer_after(std::chrono::milliseconds(800)));
  AstraDataClient client(astra_config(peer.endpoint(), 300), testing::quick_retries());
  const json error = only_error(client.execute("videos", kInsertOne));
  EXPECT_EQ(error["errorCode"], "TIMEOUT_WRITING_DATA");
  EXPECT_NE(error["message"].get<std::string>().find("may or may not have been applied"), std::string::npos);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  EXPECT_EQ(peer.requests().size(), 1u);
}

TEST(AstraDataClient, InvalidTargetNamesNeverReachTheWire) {
  ScriptedPeer peer(answer(200, "{}"));
  AstraDataClient client(astra_config(peer.endpoint()));
  for (const char* target : {"videos/../admin", "videos?x=1", "1videos", "vid eos"}) {
    EXPECT_EQ(only_error(client.execute(target, kFindOne))["errorCode"], "UNKNOWN_COLLECTION_OR_TABLE") << target;
  }
  EXPECT_TRUE(peer.requests().empty());
}

TEST(AstraDataClient, CommandsThatAreNotValidUtf8AreRefusedLocally) {
  ScriptedPeer peer(answer(200, "{}"));
  AstraDataClient client(astra_config(peer.endpoint()));
  const json command = {{"findOne", {{"filter", {{"name", std::string("\xff\xfe")}}}}}};
  EXPECT_EQ(only_error(client.execute("videos", command))["errorCode"], "REQUEST_NOT_JSON");
  EXPECT_TRUE(peer.requests().empty());
}

TEST(AstraDataClient, ConcurrentCallersEachGetTheirOwnAnswer) {
  ScriptedPeer peer([](const IncomingRequest& request) {
    return json_reply(200, json{{"data", {{"document", json::parse(request.body)["findOne"]["filter"]}}}}.dump());
  });
  AstraDataClient client(astra_config(peer.endpoint()));
  std::atomic<int> mismatches{0};
  std::vector<std::thread> callers;
  for (int caller = 0; caller < 6; ++caller) {
    callers.emplace_back([&, caller] {
      for (int call = 0; call < 15; ++call) {
        const json filter = {{"caller", caller}, {"call", call}};
        const json response = client.execute("videos", {{"findOne", {{"filter", filter}}}});
        if (response["data"]["document"] != filter) ++mismatches;
      }
    });
  }
  for (auto& thread : callers) thread.join();
  EXPECT_EQ(mismatches.load(), 0);
  EXPECT_EQ(peer.requests().size(), 90u);
}

}  // namespace
}  // namespace killrvideo::host::astra
