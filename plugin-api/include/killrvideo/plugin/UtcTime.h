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

// The calendar arithmetic beneath them, for callers that read dates in other spellings (the embedded
// engine's Data API codec). Days since 1970-01-01 of a valid year-month-day (Howard Hinnant's
// days_from_civil: exact for every proleptic Gregorian date).
std::int64_t days_from_civil(std::int64_t year, unsigned month, unsigned day);
// Whether month is 1-12 and day is 1 to that month's length in that year.
bool is_civil_date(std::int64_t year, unsigned month, unsigned day);

}  // namespace killrvideo::plugin
