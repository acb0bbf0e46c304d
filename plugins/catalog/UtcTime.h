#pragma once
// UTC instants as the catalog writes and reads them: the plugin API's helpers, with a parse that throws
// (a bad timestamp in a row or a request is an error here, not an absent value).

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "killrvideo/plugin/UtcTime.h"

namespace killrvideo::catalog {

inline constexpr std::int64_t kMillisPerDay = plugin::kMillisecondsPerDay;

using plugin::iso_timestamp;
using plugin::utc_day;

// Reads "YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)". Throws std::invalid_argument for anything else.
inline std::int64_t parse_iso_timestamp(std::string_view text) {
  const auto instant = plugin::parse_iso_timestamp(text);
  if (!instant) throw std::invalid_argument("not an ISO-8601 timestamp: '" + std::string(text) + "'");
  return *instant;
}

}  // namespace killrvideo::catalog
