#pragma once
// UTC instants as the Data API writes them: ISO-8601 text for timestamp columns, YYYY-MM-DD for date
// columns. Plain arithmetic on the proleptic Gregorian calendar: no time zone database, no locale.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace killrvideo::plugin {

inline constexpr std::int64_t kMillisecondsPerDay = 86'400'000;

// "2025-06-15T13:20:00.000Z"
std::string iso_timestamp(std::int64_t epoch_ms);
// "2025-06-15"
std::string utc_day(std::int64_t epoch_ms);
// Milliseconds since the epoch of "YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)"; nullopt for anything else.
// Fractions beyond milliseconds are truncated.
std::optional<std::int64_t> parse_iso_timestamp(std::string_view text);

}  // namespace killrvideo::plugin
