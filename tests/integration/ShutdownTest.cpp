// Graceful stop and back-pressure of the real server.

#include <future>
#include <thread>

#include <gtest/gtest.h>

#include "tests/integration/TestConfig.h"
#include "tests/support/HttpClient.h"

namespace killrvideo::testing {
namespace {

HttpResponse get_in_background(const std::string& base_url, const std::string& path) {
  HttpClient client(base_url);
  return client.get(path);
}

bool wait_until_logged(const ServerProcess& server, const std::string& text) {
  for (int i = 0; i < 250; ++i) {
    if (server.output().find(text) != std::string::npos) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

TEST(ShutdownTest, SigtermLetsAnInFlightRequestFinish) {
  ServerProcess server(test_config("  - { name: throwing }\n"));
  auto slow = std::async(std::launch::async, get_in_background, server.base_url(), "/api/v1/fixtures/slow?ms=1500");
  ASSERT_TRUE(wait_until_logged(server, "sleeping 1500 ms")) << server.output();
  server.send_terminate();
  const HttpResponse response = slow.get();
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.json(), nlohmann::json({{"sleptMs", 1500}}));
  EXPECT_EQ(server.wait_exit(std::chrono::seconds(10)), 0);
  EXPECT_NE(server.output().find("received SIGTERM"), std::string::npos);
}

TEST(ShutdownTest, FullWorkerQueueAnswers503) {
  ServerProcess server(test_config("  - { name: throwing }\n", "queue_capacity: 1\n  workers: 1"));
  // One request runs, one waits in the queue; a third finds the queue full.
  auto running = std::async(std::launch::async, get_in_background, server.base_url(), "/api/v1/fixtures/slow?ms=1500");
  ASSERT_TRUE(wait_until_logged(server, "sleeping 1500 ms")) << server.output();
  auto queued = std::async(std::launch::async, get_in_background, server.base_url(), "/api/v1/fixtures/slow?ms=10");
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  HttpClient client(server.base_url());
  const auto refused = client.get("/api/v1/fixtures/ok");
  EXPECT_EQ(refused.status, 503);
  EXPECT_EQ(refused.json()["detail"], "Server is busy, try again later");
  EXPECT_EQ(running.get().status, 200);
  EXPECT_EQ(queued.get().status, 200);
  EXPECT_EQ(client.get("/api/v1/fixtures/ok").status, 200);
}

// Pistache never confirms writing an answer to a client that hung up before it: the workers must not wait
// for that confirmation, or a few such clients hold all of them (for 10 s each, before the fix).
TEST(ShutdownTest, ClientsThatHangUpMidRequestDoNotHoldTheWorkers) {
  ServerProcess server(test_config("  - { name: throwing }\n", "workers: 2"));
  for (int client = 0; client < 4; ++client) {
    RawConnection connection(server.port());
    connection.send("GET /api/v1/fixtures/slow?ms=200 HTTP/1.1\r\nHost: test\r\n\r\n");
  }  // each hangs up with its request in flight
  ASSERT_TRUE(wait_until_logged(server, "sleeping 200 ms")) << server.output();
  std::this_thread::sleep_for(std::chrono::milliseconds(600));  // two rounds of two workers: the answers are out

  HttpClient client(server.base_url());
  const auto started = std::chrono::steady_clock::now();
  const auto answer = client.get("/api/v1/fixtures/slow?ms=10");
  const auto waited = std::chrono::steady_clock::now() - started;

  EXPECT_EQ(answer.status, 200);
  EXPECT_LT(waited, std::chrono::seconds(2)) << server.output();
  server.send_terminate();
  EXPECT_EQ(server.wait_exit(std::chrono::seconds(15)), 0);
}

}  // namespace
}  // namespace killrvideo::testing
