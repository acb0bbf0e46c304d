#pragma once
// Text forms of the time types (data-api-wire §2.1).

#include <cstdint>
#include <optional>
#include <string>

namespace killrvideo::host::embedded {

// ISO-8601 with `Z` or an offset ("2025-06-01T10:00:00+02:00", optional fraction) → epoch ms.
std::optional<std::int64_t> parse_timestamp(const std::string& text);
// Epoch ms → UTC `Z` form with milliseconds, the fraction dropped when zero.
std::string format_timestamp(std::int64_t epoch_ms);
bool is_valid_date(const std::string& text);  // YYYY-MM-DD
bool is_valid_time(const std::string& text);  // HH:MM:SS[.fffffffff]
// "PT2H45M" or "2h45m" → the ISO-8601 form; nullopt when neither parses.
std::optional<std::string> normalize_duration(const std::string& text);

}  // namespace killrvideo::host::embedded
