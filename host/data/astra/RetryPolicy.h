#pragma once
// How often a read is tried again after a connection failure, and how long to wait in between.

#include <chrono>
#include <random>

namespace killrvideo::host::astra {

struct RetryPolicy {
  int max_attempts = 3;  // the first try included; 1 disables retries
  std::chrono::milliseconds base_delay{100};
  std::chrono::milliseconds max_delay{2000};
};

// Exponential backoff with full jitter: uniform in [0, min(max_delay, base_delay * 2^retry)], where
// retry 0 is the wait before the second attempt. Jitter keeps many workers that lost the same connection
// from reconnecting in lockstep.
std::chrono::milliseconds backoff_delay(const RetryPolicy& policy, int retry, std::mt19937_64& random);

}  // namespace killrvideo::host::astra
