#pragma once
#include <memory>
#include <string>

#include "killrvideo/plugin/HostServices.h"

namespace spdlog {
class logger;
}

namespace killrvideo::host {

// A plugin's logger: the host's log, each line tagged with the plugin's name.
class SpdlogLogger final : public plugin::Logger {
 public:
  explicit SpdlogLogger(const std::string& name);
  void info(std::string_view message) noexcept override;
  void warn(std::string_view message) noexcept override;
  void error(std::string_view message) noexcept override;

 private:
  std::shared_ptr<spdlog::logger> logger_;
};

}  // namespace killrvideo::host
