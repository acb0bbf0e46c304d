// Connections: kept open and reused across calls and threads; a read that lost its connection is tried
// again a bounded number of times; a write never is.

#include "data/astra/AstraDataClient.h"

#include <chrono>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/host/data/astra/AstraTestConfig.h"
#include "tests/host/data/astra/TcpPeer.h"

namespace killrvideo::host::astra {
namespace {

using json = nlohmann::ordered_json;
using testing::astra_config;
using testing::quick_retries;
using testing::TcpPeer;
using httpclient::RetryPolicy;

using Clock = std::chrono::steady_clock;

const json kFindOne = {{"findOne", {{"filter", {{"videoid", "1b0b"}}}}}};
const json kInsertOne = {{"insertOne", {{"document", {{"videoid", "1b0b"}}}}}};
constexpr const char* kFound = R"({"data":{"document":{"videoid":"1b0b"}}})";

std::string error_code(const json& envelope) {
  return envelope.contains("errors") ? envelope["errors"][0].value("errorCode", "") : "";
}

std::string error_message(const json& envelope) {
  return envelope.contains("errors") ? envelope["errors"][0].value("message", "") : "";
}

TEST(AstraConnections, SequentialCommandsShareOneConnection) {
  TcpPeer peer(0, kFound);
  AstraDataClient client(astra_config(peer.endpoint()));
  for (int call = 0; call < 5; ++call) EXPECT_EQ(client.execute("videos", kFindOne), json::parse(kFound));
  EXPECT_EQ(peer.answered_requests(), 5);
  EXPECT_EQ(peer.accepted_connections(), 1);
}

TEST(AstraConnections, ConcurrentCallersOpenAtMostOneConnectionEach) {
  TcpPeer peer(0, kFound);
  AstraDataClient client(astra_config(peer.endpoint()));
  constexpr int kCallers = 4;
  std::vector<std::thread> callers;
  for (int caller = 0; caller < kCallers; ++caller) {
    callers.emplace_back([&] {
      for (int call = 0; call < 10; ++call) client.execute("videos", kFindOne);
    });
  }
  for (auto& thread : callers) thread.join();
  EXPECT_EQ(peer.answered_requests(), 40);
  EXPECT_GE(peer.accepted_connections(), 1);
  EXPECT_LE(peer.accepted_connections(), kCallers);
}

TEST(AstraConnections, ReadIsRetriedAfterTheConnectionDropped) {
  TcpPeer peer(2, kFound);  // the first two connections hang up without answering
  AstraDataClient client(astra_config(peer.endpoint()), quick_retries());
  EXPECT_EQ(client.execute("videos", kFindOne), json::parse(kFound));
  EXPECT_EQ(peer.accepted_connections(), 3);
}

TEST(AstraConnections, ReadGivesUpAfterTheLastAttempt) {
  TcpPeer peer(1000, kFound);
  AstraDataClient client(astra_config(peer.endpoint()), quick_retries());
  const json response = client.execute("videos", kFindOne);
  EXPECT_EQ(error_code(response), "UNAVAILABLE_DATABASE");
  EXPECT_NE(error_message(response).find("closed the connection without answering"), std::string::npos);
  EXPECT_NE(error_message(response).find("after 3 attempts"), std::string::npos) << error_message(response);
  EXPECT_EQ(peer.accepted_connections(), 3);
}

TEST(AstraConnections, WriteIsNeverRetriedAfterTheConnectionDropped) {
  TcpPeer peer(1, kFound);
  AstraDataClient client(astra_config(peer.endpoint()), quick_retries());
  const json response = client.execute("videos", kInsertOne);
  EXPECT_EQ(error_code(response), "UNAVAILABLE_DATABASE");
  EXPECT_NE(error_message(response).find("may or may not have been applied"), std::string::npos);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  EXPECT_EQ(peer.accepted_connections(), 1);
}

TEST(AstraConnections, RetriesCanBeSwitchedOff) {
  TcpPeer peer(1, kFound);
  AstraDataClient client(astra_config(peer.endpoint()), RetryPolicy{1});
  EXPECT_EQ(error_code(client.execute("videos", kFindOne)), "UNAVAILABLE_DATABASE");
  EXPECT_EQ(peer.accepted_connections(), 1);
}

TEST(AstraConnections, ReadAtAPortWithNoListenerFailsAfterBoundedBackoff) {
  const RetryPolicy policy{3, std::chrono::milliseconds(100), std::chrono::milliseconds(200)};
  AstraDataClient client(astra_config("http://127.0.0.1:" + std::to_string(testing::unused_port())), policy);
  const auto started = Clock::now();
  const json response = client.execute("videos", kFindOne);
  const auto elapsed = Clock::now() - started;
  EXPECT_EQ(error_code(response), "UNAVAILABLE_DATABASE");
  EXPECT_NE(error_message(response).find("Cannot reach the Data API"), std::string::npos) << error_message(response);
  EXPECT_NE(error_message(response).find("after 3 attempts"), std::string::npos);
  EXPECT_LT(elapsed, std::chrono::milliseconds(100 + 200 + 700));  // both waits at their ceiling, plus slack
}

TEST(AstraConnections, WriteAtAPortWithNoListenerFailsAtOnce) {
  const RetryPolicy slow{3, std::chrono::seconds(2), std::chrono::seconds(2)};
  AstraDataClient client(astra_config("http://127.0.0.1:" + std::to_string(testing::unused_port())), slow);
  const auto started = Clock::now();
  const json response = client.execute("videos", kInsertOne);
  EXPECT_LT(Clock::now() - started, std::chrono::milliseconds(1000));
  EXPECT_EQ(error_code(response), "UNAVAILABLE_DATABASE");
  EXPECT_EQ(error_message(response).find("attempts"), std::string::npos);
}

}  // namespace
}  // namespace killrvideo::host::astra
