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

}  // namespace
}  // namespace killrvideo::testing
