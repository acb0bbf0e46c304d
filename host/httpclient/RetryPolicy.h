#pragma once
// How often a request that may succeed next time is tried again, and how long to wait in between. Which
// failures are worth another try is the caller's call (a Data API write never is; an embedding request is).

#include <chrono>
#include <random>

namespace killrvideo::host::httpclient {

struct RetryPolicy {
  int max_attempts = 3;  // the first try included; 1 disables retries
  std::chrono::milliseconds base_delay{100};
  std::chrono::milliseconds max_delay{2000};
};

// Exponential backoff with full jitter: uniform in [0, min(max_delay, base_delay * 2^retry)], where
// retry 0 is the wait before the second attempt. Jitter keeps many workers that lost the same connection
// from reconnecting in lockstep.
std::chrono::milliseconds backoff_delay(const RetryPolicy& policy, int retry, std::mt19937_64& random);

}  // namespace killrvideo::host::httpclient
