#pragma once
// The plugin config block `login_throttle: { max_failures_per_account, max_failures_per_client,
// window_seconds }`. Absent means the defaults: throttling is always on.

#include <cstdint>

#include <nlohmann/json_fwd.hpp>

namespace killrvideo::accounts {

struct LoginThrottleSettings {
  // Failed logins within the window after which an account, or a client address, must wait.
  int max_failures_per_account = 5;
  int max_failures_per_client = 20;
  std::int64_t window_seconds = 300;
};

// Throws std::invalid_argument naming the key when a value is not a positive integer, so a config mistake
// stops start-up.
LoginThrottleSettings login_throttle_settings_from(const nlohmann::json& plugin_config);

}  // namespace killrvideo::accounts
