#include "services/SpdlogLogger.h"

#include <spdlog/spdlog.h>

namespace killrvideo::host {

SpdlogLogger::SpdlogLogger(const std::string& name) : logger_(spdlog::default_logger()->clone(name)) {}

void SpdlogLogger::info(std::string_view message) noexcept {
  try { logger_->info(message); } catch (...) {}
}
void SpdlogLogger::warn(std::string_view message) noexcept {
  try { logger_->warn(message); } catch (...) {}
}
void SpdlogLogger::error(std::string_view message) noexcept {
  try { logger_->error(message); } catch (...) {}
}

}  // namespace killrvideo::host
