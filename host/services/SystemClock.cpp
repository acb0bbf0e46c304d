#include "services/SystemClock.h"

#include <chrono>

namespace killrvideo::host {

std::int64_t SystemClock::now_ms() const noexcept {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace killrvideo::host
