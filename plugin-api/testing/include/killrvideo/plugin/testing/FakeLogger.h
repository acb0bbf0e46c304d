#pragma once
// Keeps every line a plugin logs so tests can assert that a failure was reported.

#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "killrvideo/plugin/HostServices.h"

namespace killrvideo::plugin::testing {

enum class LogLevel { Info, Warn, Error };

struct LogLine {
  LogLevel level;
  std::string message;
};

class FakeLogger final : public Logger {
 public:
  void info(std::string_view message) noexcept override { record(LogLevel::Info, message); }
  void warn(std::string_view message) noexcept override { record(LogLevel::Warn, message); }
  void error(std::string_view message) noexcept override { record(LogLevel::Error, message); }

  std::vector<LogLine> lines() const;
  // Whether a line of this level contains `fragment`.
  bool logged(LogLevel level, std::string_view fragment) const;

 private:
  void record(LogLevel level, std::string_view message) noexcept;

  mutable std::mutex mutex_;
  std::vector<LogLine> lines_;
};

}  // namespace killrvideo::plugin::testing
