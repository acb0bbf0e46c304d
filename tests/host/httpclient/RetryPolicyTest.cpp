#include "httpclient/RetryPolicy.h"

#include <set>

#include <gtest/gtest.h>

namespace killrvideo::host::httpclient {
namespace {

using std::chrono::milliseconds;

TEST(BackoffDelay, StaysWithinTheExponentialCeiling) {
  const RetryPolicy policy{5, milliseconds(100), milliseconds(1000)};
  std::mt19937_64 random(42);
  const milliseconds ceilings[] = {milliseconds(100), milliseconds(200), milliseconds(400), milliseconds(800),
                                   milliseconds(1000), milliseconds(1000)};
  for (int retry = 0; retry < 6; ++retry) {
    for (int sample = 0; sample < 200; ++sample) {
      const auto delay = backoff_delay(policy, retry, random);
      EXPECT_GE(delay.count(), 0);
      EXPECT_LE(delay, ceilings[retry]) << "retry " << retry;
    }
  }
}

TEST(BackoffDelay, IsJitteredNotFixed) {
  const RetryPolicy policy{3, milliseconds(100), milliseconds(1000)};
  std::mt19937_64 random(7);
  std::set<long> seen;
  for (int sample = 0; sample < 50; ++sample) seen.insert(backoff_delay(policy, 2, random).count());
  EXPECT_GT(seen.size(), 10u);
}

TEST(BackoffDelay, HugeRetryNumbersDoNotOverflow) {
  const RetryPolicy policy{3, milliseconds(100), milliseconds(2000)};
  std::mt19937_64 random(1);
  for (int retry : {30, 63, 64, 1000}) {
    const auto delay = backoff_delay(policy, retry, random);
    EXPECT_GE(delay.count(), 0);
    EXPECT_LE(delay, milliseconds(2000));
  }
}

}  // namespace
}  // namespace killrvideo::host::httpclient
