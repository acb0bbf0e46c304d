// Failed logins per account and per client address over a sliding window.
#include "LoginThrottle.h"

#include <stdexcept>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "LoginThrottleSettings.h"

namespace killrvideo::accounts {
namespace {

constexpr std::int64_t kStart = 1'000'000;

LoginThrottle throttle(int per_account, int per_client, std::int64_t window_seconds) {
  return LoginThrottle({per_account, per_client, window_seconds});
}

TEST(LoginThrottle, AnAccountWaitsAfterItsLimitUntilTheOldestFailureLeavesTheWindow) {
  auto limits = throttle(3, 100, 60);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(limits.retry_after_seconds("ada@x.org", "10.0.0.1", kStart + i * 1000), 0) << i;
    limits.record_failure("ada@x.org", "10.0.0.1", kStart + i * 1000);
  }
  EXPECT_EQ(limits.retry_after_seconds("ada@x.org", "10.0.0.1", kStart + 3000), 57);
  EXPECT_EQ(limits.retry_after_seconds("ada@x.org", "10.0.0.2", kStart + 3000), 57) << "from any address";
  EXPECT_EQ(limits.retry_after_seconds("bob@x.org", "10.0.0.2", kStart + 3000), 0) << "other accounts are free";
  EXPECT_EQ(limits.retry_after_seconds("ada@x.org", "10.0.0.1", kStart + 60'001), 0) << "the first failure expired";
}

TEST(LoginThrottle, AnAddressTryingManyAccountsWaitsAfterItsLimit) {
  auto limits = throttle(100, 4, 60);
  for (int i = 0; i < 4; ++i) limits.record_failure("user" + std::to_string(i) + "@x.org", "10.0.0.9", kStart);
  EXPECT_EQ(limits.retry_after_seconds("new@x.org", "10.0.0.9", kStart + 500), 60);
  EXPECT_EQ(limits.retry_after_seconds("new@x.org", "10.0.0.8", kStart + 500), 0);
}

TEST(LoginThrottle, ASuccessClearsTheAccountButNotTheAddress) {
  auto limits = throttle(2, 3, 60);
  limits.record_failure("ada@x.org", "10.0.0.1", kStart);
  limits.record_failure("ada@x.org", "10.0.0.1", kStart);
  limits.record_success("ada@x.org");
  EXPECT_EQ(limits.retry_after_seconds("ada@x.org", "10.0.0.2", kStart), 0);
  limits.record_failure("bob@x.org", "10.0.0.1", kStart);
  EXPECT_GT(limits.retry_after_seconds("carol@x.org", "10.0.0.1", kStart), 0) << "three failures from 10.0.0.1";
}

TEST(LoginThrottleSettings, DefaultsApplyWithoutABlockAndBadValuesStopStartUp) {
  const auto defaults = login_throttle_settings_from(nlohmann::json::object());
  EXPECT_EQ(defaults.max_failures_per_account, 5);
  EXPECT_EQ(defaults.max_failures_per_client, 20);
  EXPECT_EQ(defaults.window_seconds, 300);
  const auto set = login_throttle_settings_from({{"login_throttle", {{"max_failures_per_account", 2}, {"window_seconds", 9}}}});
  EXPECT_EQ(set.max_failures_per_account, 2);
  EXPECT_EQ(set.window_seconds, 9);
  EXPECT_THROW(login_throttle_settings_from({{"login_throttle", {{"window_seconds", 0}}}}), std::invalid_argument);
  EXPECT_THROW(login_throttle_settings_from({{"login_throttle", {{"max_failures_per_client", "x"}}}}),
               std::invalid_argument);
}

}  // namespace
}  // namespace killrvideo::accounts
