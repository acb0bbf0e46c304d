#include "killrvideo/plugin/testing/FakeLogger.h"

namespace killrvideo::plugin::testing {

void FakeLogger::record(LogLevel level, std::string_view message) noexcept {
  std::lock_guard lock(mutex_);
  lines_.push_back({level, std::string(message)});
}

std::vector<LogLine> FakeLogger::lines() const {
  std::lock_guard lock(mutex_);
  return lines_;
}

bool FakeLogger::logged(LogLevel level, std::string_view fragment) const {
  std::lock_guard lock(mutex_);
  for (const auto& line : lines_) {
    if (line.level == level && line.message.find(fragment) != std::string::npos) return true;
  }
  return false;
}

}  // namespace killrvideo::plugin::testing
