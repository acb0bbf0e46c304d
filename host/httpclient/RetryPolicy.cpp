#include "httpclient/RetryPolicy.h"

#include <algorithm>
#include <cstdint>

namespace killrvideo::host::httpclient {

namespace {
// 2^20 times any sensible base delay is far beyond any sensible cap; stop doubling there to avoid overflow.
constexpr int kMaxDoublings = 20;
}

std::chrono::milliseconds backoff_delay(const RetryPolicy& policy, int retry, std::mt19937_64& random) {
  const auto doublings = std::clamp(retry, 0, kMaxDoublings);
  const auto grown = policy.base_delay.count() * (std::int64_t{1} << doublings);
  const auto cap = std::max<std::int64_t>(0, std::min<std::int64_t>(policy.max_delay.count(), grown));
  std::uniform_int_distribution<std::int64_t> jitter(0, cap);
  return std::chrono::milliseconds(jitter(random));
}

}  // namespace killrvideo::host::httpclient
