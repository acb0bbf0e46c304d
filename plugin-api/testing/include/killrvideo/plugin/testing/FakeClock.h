#pragma once
// A clock that moves only when the test moves it.

#include <atomic>
#include <cstdint>

#include "killrvideo/plugin/HostServices.h"

namespace killrvideo::plugin::testing {

// 2025-06-15T13:20:00Z: a fixed, recognisable instant.
inline constexpr std::int64_t kFakeClockStartMs = 1'750'000'000'000;

class FakeClock final : public Clock {
 public:
  explicit FakeClock(std::int64_t now_ms = kFakeClockStartMs) : now_ms_(now_ms) {}

  std::int64_t now_ms() const noexcept override { return now_ms_.load(); }
  void set_now_ms(std::int64_t now_ms) noexcept { now_ms_.store(now_ms); }
  void advance_ms(std::int64_t delta_ms) noexcept { now_ms_.fetch_add(delta_ms); }

 private:
  std::atomic<std::int64_t> now_ms_;
};

}  // namespace killrvideo::plugin::testing
