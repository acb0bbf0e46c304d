// The application token is sent to the Data API and nowhere else: every error path of the client is
// provoked, including peers that echo the token back, and no envelope may contain it.

#include "data/astra/AstraDataClient.h"

#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/host/data/astra/AstraTestConfig.h"
#include "tests/host/data/astra/ScriptedPeer.h"
#include "tests/host/data/astra/TcpPeer.h"

namespace killrvideo::host::astra {
namespace {

using json = nlohmann::ordered_json;
using testing::astra_config;
using testing::json_reply;
using testing::kTestToken;
using testing::quick_retries;
using testing::ScriptedPeer;
using testing::text_reply;

const json kFindOne = {{"findOne", {{"filter", {{"videoid", "1b0b"}}}}}};
const json kInsertOne = {{"insertOne", {{"document", {{"videoid", "1b0b"}}}}}};

std::string echoed_token(const IncomingRequest& request) { return std::string(request.header("Token").value_or("")); }

void expect_error_without_token(const json& envelope, const char* path) {
  const std::string text = envelope.dump();
  EXPECT_TRUE(envelope.contains("errors")) << path << ": " << text;
  EXPECT_EQ(text.find(kTestToken), std::string::npos) << path << ": " << text;
  EXPECT_EQ(text.find("test-token-7f3a9c1e"), std::string::npos) << path << ": " << text;
}

TEST(TokenSecrecy, PeersReallyReceiveTheToken) {
  ScriptedPeer peer([](const IncomingRequest& request) { return text_reply(500, echoed_token(request)); });
  AstraDataClient client(astra_config(peer.endpoint()));
  client.execute("videos", kFindOne);
  ASSERT_EQ(peer.requests().size(), 1u);
  EXPECT_EQ(echoed_token(peer.requests()[0]), kTestToken);
}

TEST(TokenSecrecy, NoErrorPathRevealsTheToken) {
  ScriptedPeer echo_500([](const IncomingRequest& r) { return text_reply(500, "bad token " + echoed_token(r)); });
  ScriptedPeer echo_200([](const IncomingRequest& r) { return text_reply(200, "token=" + echoed_token(r)); });
  ScriptedPeer echo_json_401([](const IncomingRequest& r) {
    return json_reply(401, json{{"message", "rejected " + echoed_token(r)}}.dump());
  });
  ScriptedPeer slow([](const IncomingRequest&) {
    std::this_thread::sleep_for(std::chrono::milliseconds(800));
    return json_reply(200, "{}");
  });
  testing::TcpPeer dropping(1000, "{}");
  const std::string nowhere = "http://127.0.0.1:" + std::to_string(testing::unused_port());

  for (const json* command : {&kFindOne, &kInsertOne}) {
    const char* kind = command == &kFindOne ? "read" : "write";
    SCOPED_TRACE(kind);
    expect_error_without_token(AstraDataClient(astra_config(nowhere), quick_retries()).execute("t", *command),
                               "unreachable");
    expect_error_without_token(
        AstraDataClient(astra_config(dropping.endpoint()), quick_retries()).execute("t", *command), "dropped");
    expect_error_without_token(AstraDataClient(astra_config(slow.endpoint(), 200)).execute("t", *command),
                               "timeout");
    expect_error_without_token(AstraDataClient(astra_config(echo_500.endpoint())).execute("t", *command),
                               "HTTP 500 echoing the token");
    expect_error_without_token(AstraDataClient(astra_config(echo_200.endpoint())).execute("t", *command),
                               "non-JSON 200 echoing the token");
    expect_error_without_token(AstraDataClient(astra_config(echo_json_401.endpoint())).execute("t", *command),
                               "JSON 401 without errors, echoing the token");
  }
  AstraDataClient client(astra_config(echo_500.endpoint()));
  expect_error_without_token(client.execute("bad/target", kFindOne), "invalid target");
  expect_error_without_token(client.execute("t", {{"findOne", {{"filter", {{"x", "\xff"}}}}}}), "invalid UTF-8");
}

}  // namespace
}  // namespace killrvideo::host::astra
