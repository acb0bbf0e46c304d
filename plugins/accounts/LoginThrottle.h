#pragma once
// Failed logins counted per account (its email key) and per client address over a sliding window.
// Past the limit, login answers 429 with Retry-After until the oldest counted failure leaves the
// window: guessing one account's password, or trying many accounts from one address, slows to a few
// attempts per window. Kept in this process's memory: each server instance counts its own (see README).

#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

#include "LoginThrottleSettings.h"

namespace killrvideo::accounts {

class LoginThrottle {
 public:
  explicit LoginThrottle(LoginThrottleSettings settings);

  // Seconds before this account may be tried from this address again; 0 when it may be tried now.
  std::int64_t retry_after_seconds(const std::string& account, const std::string& client, std::int64_t now_ms);
  void record_failure(const std::string& account, const std::string& client, std::int64_t now_ms);
  // A correct password clears the account's failures (not the address's: it may be guessing others).
  void record_success(const std::string& account);

 private:
  using Failures = std::unordered_map<std::string, std::deque<std::int64_t>>;

  std::int64_t wait_ms(Failures& failures, const std::string& key, int limit, std::int64_t now_ms) const;
  void forget_expired(Failures& failures, std::int64_t now_ms) const;

  const LoginThrottleSettings settings_;
  const std::int64_t window_ms_;
  std::mutex mutex_;
  Failures by_account_;
  Failures by_client_;
  std::int64_t recorded_ = 0;
};

}  // namespace killrvideo::accounts
