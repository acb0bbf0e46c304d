// Failed-login throttling in the real server: per account and per client address, answered 429 with
// Retry-After, configured from the accounts plugin's `login_throttle` block.

#include <gtest/gtest.h>

#include "tests/integration/accounts/AccountsServer.h"

namespace killrvideo::testing {
namespace {

using nlohmann::json;

constexpr int kPerAccount = 3;
constexpr int kPerClient = 6;

std::string throttled_config() {
  return test_config("  - { name: accounts, config: { login_throttle: { max_failures_per_account: " +
                         std::to_string(kPerAccount) + ", max_failures_per_client: " + std::to_string(kPerClient) +
                         ", window_seconds: 60 } } }\n",
                     "", "", kEmbeddedDatabase);
}

void expect_throttled(const HttpResponse& response) {
  ASSERT_EQ(response.status, 429) << response.body;
  const int retry_after = std::stoi(response.header("retry-after"));
  EXPECT_GE(retry_after, 1);
  EXPECT_LE(retry_after, 60);
  EXPECT_EQ(response.json()["title"], "Too Many Requests");
  EXPECT_EQ(response.json()["detail"], "Too many failed login attempts. Please try again later.");
}

TEST(LoginThrottleTest, AnAccountIsThrottledAfterItsFailuresEvenWithTheRightPassword) {
  const ServerProcess server(throttled_config());
  HttpClient client(server.base_url());
  ASSERT_EQ(register_user(client, "target@example.com").status, 201);
  ASSERT_EQ(register_user(client, "bystander@example.com").status, 201);

  for (int i = 0; i < kPerAccount; ++i) EXPECT_EQ(log_in(client, "target@example.com", "wrong-guess").status, 401) << i;

  expect_throttled(log_in(client, "target@example.com"));
  {
    SCOPED_TRACE("the same account in another case");
    expect_throttled(log_in(client, "TARGET@example.com"));
  }
  EXPECT_EQ(log_in(client, "bystander@example.com").status, 200) << "other accounts are unaffected";
}

TEST(LoginThrottleTest, AnAddressTryingManyAccountsIsThrottled) {
  const ServerProcess server(throttled_config());
  HttpClient client(server.base_url());
  ASSERT_EQ(register_user(client, "real@example.com").status, 201);

  for (int i = 0; i < kPerClient; ++i) {
    EXPECT_EQ(log_in(client, "guess" + std::to_string(i) + "@example.com", "wrong-guess").status, 401) << i;
  }

  expect_throttled(log_in(client, "real@example.com"));
}

TEST(LoginThrottleTest, ASuccessfulLoginClearsTheAccountsFailures) {
  const ServerProcess server(throttled_config());
  HttpClient client(server.base_url());
  ASSERT_EQ(register_user(client, "forgetful@example.com").status, 201);

  for (int i = 0; i < kPerAccount - 1; ++i) log_in(client, "forgetful@example.com", "wrong-guess");
  ASSERT_EQ(log_in(client, "forgetful@example.com").status, 200);

  EXPECT_EQ(log_in(client, "forgetful@example.com", "wrong-guess").status, 401) << "counting starts again";
}

}  // namespace
}  // namespace killrvideo::testing
