#include "killrvideo/plugin/UtcTime.h"

#include <cstdio>

namespace killrvideo::plugin {

namespace {

struct CivilDate {
  std::int64_t year;
  unsigned month;
  unsigned day;
};

// Howard Hinnant's civil_from_days, the inverse of days_from_civil: exact for every Gregorian date.
CivilDate civil_from_days(std::int64_t days) {
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const auto day_of_era = static_cast<unsigned>(days - era * 146097);
  const unsigned year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const unsigned day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const unsigned shifted_month = (5 * day_of_year + 2) / 153;
  const unsigned day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
  const unsigned month = shifted_month < 10 ? shifted_month + 3 : shifted_month - 9;
  return {static_cast<std::int64_t>(year_of_era) + era * 400 + (month <= 2 ? 1 : 0), month, day};
}

std::int64_t floor_div(std::int64_t value, std::int64_t divisor) {
  const std::int64_t quotient = value / divisor;
  return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient;
}

// Reads exactly `width` digits at `pos`; advances `pos`.
std::optional<unsigned> digits(std::string_view text, std::size_t& pos, std::size_t width) {
  if (pos + width > text.size()) return std::nullopt;
  unsigned value = 0;
  for (std::size_t i = 0; i < width; ++i) {
    const char c = text[pos + i];
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<unsigned>(c - '0');
  }
  pos += width;
  return value;
}

bool expect(std::string_view text, std::size_t& pos, char wanted) {
  if (pos >= text.size() || text[pos] != wanted) return false;
  ++pos;
  return true;
}

// The milliseconds of ".fraction" at `pos` (none → 0); nullopt when a '.' has no digit after it.
std::optional<unsigned> fraction_ms(std::string_view text, std::size_t& pos) {
  if (pos >= text.size() || text[pos] != '.') return 0U;
  ++pos;
  unsigned ms = 0;
  std::size_t count = 0;
  while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
    if (count < 3) ms = ms * 10 + static_cast<unsigned>(text[pos] - '0');
    ++count;
    ++pos;
  }
  if (count == 0) return std::nullopt;
  for (std::size_t i = count; i < 3; ++i) ms *= 10;
  return ms;
}

// "Z" → 0, "+HH:MM" / "-HH:MM" → the offset east of UTC in minutes; the text must end there.
std::optional<int> zone_offset_minutes(std::string_view text, std::size_t pos) {
  if (pos + 1 == text.size() && text[pos] == 'Z') return 0;
  if (pos >= text.size() || (text[pos] != '+' && text[pos] != '-')) return std::nullopt;
  const int sign = text[pos] == '-' ? -1 : 1;
  ++pos;
  const auto hours = digits(text, pos, 2);
  if (!hours || !expect(text, pos, ':')) return std::nullopt;
  const auto minutes = digits(text, pos, 2);
  if (!minutes || pos != text.size() || *hours > 23 || *minutes > 59) return std::nullopt;
  return sign * static_cast<int>(*hours * 60 + *minutes);
}

}  // namespace

std::int64_t days_from_civil(std::int64_t year, unsigned month, unsigned day) {
  year -= month <= 2 ? 1 : 0;
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const auto year_of_era = static_cast<unsigned>(year - era * 400);
  const unsigned day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + static_cast<std::int64_t>(day_of_era) - 719468;
}

bool is_civil_date(std::int64_t year, unsigned month, unsigned day) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= (month == 2 && leap ? 29U : kDays[month - 1]);
}

std::string iso_timestamp(std::int64_t epoch_ms) {
  const std::int64_t days = floor_div(epoch_ms, kMillisecondsPerDay);
  const std::int64_t ms_of_day = epoch_ms - days * kMillisecondsPerDay;
  const CivilDate date = civil_from_days(days);
  char text[40];
  std::snprintf(text, sizeof text, "%04lld-%02u-%02uT%02lld:%02lld:%02lld.%03lldZ", static_cast<long long>(date.year),
                date.month, date.day, static_cast<long long>(ms_of_day / 3'600'000),
                static_cast<long long>(ms_of_day / 60'000 % 60), static_cast<long long>(ms_of_day / 1000 % 60),
                static_cast<long long>(ms_of_day % 1000));
  return text;
}

std::string utc_day(std::int64_t epoch_ms) {
  const CivilDate date = civil_from_days(floor_div(epoch_ms, kMillisecondsPerDay));
  char text[16];
  std::snprintf(text, sizeof text, "%04lld-%02u-%02u", static_cast<long long>(date.year), date.month, date.day);
  return text;
}

std::optional<std::int64_t> parse_iso_timestamp(std::string_view text) {
  std::size_t pos = 0;
  const auto year = digits(text, pos, 4);
  if (!year || !expect(text, pos, '-')) return std::nullopt;
  const auto month = digits(text, pos, 2);
  if (!month || !expect(text, pos, '-')) return std::nullopt;
  const auto day = digits(text, pos, 2);
  if (!day || !is_civil_date(*year, *month, *day) || !expect(text, pos, 'T')) return std::nullopt;
  const auto hour = digits(text, pos, 2);
  if (!hour || *hour > 23 || !expect(text, pos, ':')) return std::nullopt;
  const auto minute = digits(text, pos, 2);
  if (!minute || *minute > 59 || !expect(text, pos, ':')) return std::nullopt;
  const auto second = digits(text, pos, 2);
  if (!second || *second > 59) return std::nullopt;
  const auto ms = fraction_ms(text, pos);
  if (!ms) return std::nullopt;
  const auto offset = zone_offset_minutes(text, pos);
  if (!offset) return std::nullopt;
  const std::int64_t days = days_from_civil(*year, *month, *day);
  const std::int64_t seconds = days * 86'400 + *hour * 3600 + *minute * 60 + *second - *offset * 60LL;
  return seconds * 1000 + *ms;
}

}  // namespace killrvideo::plugin
