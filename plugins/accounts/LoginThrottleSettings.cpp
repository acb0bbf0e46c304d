#include "LoginThrottleSettings.h"

#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

namespace killrvideo::accounts {

namespace {

template <typename Integer>
void read_positive(const nlohmann::json& block, const char* key, Integer& target) {
  const auto value = block.find(key);
  if (value == block.end()) return;
  if (!value->is_number_integer() || value->get<long long>() <= 0) {
    throw std::invalid_argument(std::string("accounts: config.login_throttle.") + key + " must be a positive integer");
  }
  target = value->get<Integer>();
}

}  // namespace

LoginThrottleSettings login_throttle_settings_from(const nlohmann::json& plugin_config) {
  LoginThrottleSettings settings;
  const auto block = plugin_config.find("login_throttle");
  if (block == plugin_config.end() || block->is_null()) return settings;
  if (!block->is_object()) throw std::invalid_argument("accounts: config.login_throttle must be a mapping");
  read_positive(*block, "max_failures_per_account", settings.max_failures_per_account);
  read_positive(*block, "max_failures_per_client", settings.max_failures_per_client);
  read_positive(*block, "window_seconds", settings.window_seconds);
  return settings;
}

}  // namespace killrvideo::accounts
