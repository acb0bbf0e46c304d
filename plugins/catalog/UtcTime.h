#pragma once
// UTC instants as the catalog writes and reads them: ISO-8601 timestamps and `date` partition keys.

#include <cstdint>
#include <string>
#include <string_view>

namespace killrvideo::catalog {

inline constexpr std::int64_t kMillisPerDay = 86'400'000;

// "2025-06-15T13:20:00.000Z"
std::string iso_timestamp(std::int64_t epoch_ms);
// "2025-06-15": the UTC day holding the instant.
std::string utc_day(std::int64_t epoch_ms);
// Reads "YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)". Throws std::invalid_argument for anything else.
std::int64_t parse_iso_timestamp(std::string_view text);

}  // namespace killrvideo::catalog
