#pragma once
// The spdlog logger the access log (RequestPipeline) writes to when the program registered one: killrvideo
// does, and flushes it in batches. Without one the lines go to the default logger.

namespace killrvideo::host {

inline constexpr const char* kAccessLoggerName = "access";

}  // namespace killrvideo::host
