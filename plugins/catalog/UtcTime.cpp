#include "UtcTime.h"

#include <cstdio>
#include <stdexcept>

namespace killrvideo::catalog {

namespace {

struct CivilDate {
  std::int64_t year;
  unsigned month;
  unsigned day;
};

// Howard Hinnant's days_from_civil / civil_from_days: exact for the proleptic Gregorian calendar.
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

CivilDate civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2), m, d};
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

[[noreturn]] void not_a_timestamp(std::string_view text) {
  throw std::invalid_argument("not an ISO-8601 timestamp: '" + std::string(text) + "'");
}

// The digits at [pos, pos+count), or a throw naming the whole text.
int digits(std::string_view text, std::size_t pos, std::size_t count) {
  if (pos + count > text.size()) not_a_timestamp(text);
  int value = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (text[i] < '0' || text[i] > '9') not_a_timestamp(text);
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

void expect(std::string_view text, std::size_t pos, char c) {
  if (pos >= text.size() || text[pos] != c) not_a_timestamp(text);
}

// Milliseconds from an optional ".fraction" at `pos`; moves `pos` past it.
int fraction_ms(std::string_view text, std::size_t& pos) {
  if (pos >= text.size() || text[pos] != '.') return 0;
  ++pos;
  int ms = 0;
  std::size_t count = 0;
  while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
    if (count < 3) ms = ms * 10 + (text[pos] - '0');
    ++count;
    ++pos;
  }
  if (count == 0) not_a_timestamp(text);
  for (; count < 3; ++count) ms *= 10;
  return ms;
}

// The zone offset in minutes east of UTC at `pos`, which must end the text.
int offset_minutes(std::string_view text, std::size_t pos) {
  if (pos == text.size() - 1 && text[pos] == 'Z') return 0;
  if (pos + 6 != text.size() || (text[pos] != '+' && text[pos] != '-')) not_a_timestamp(text);
  expect(text, pos + 3, ':');
  const int minutes = digits(text, pos + 1, 2) * 60 + digits(text, pos + 4, 2);
  return text[pos] == '-' ? -minutes : minutes;
}

}  // namespace

std::string iso_timestamp(std::int64_t epoch_ms) {
  const std::int64_t days = floor_div(epoch_ms, kMillisPerDay);
  const std::int64_t ms_of_day = epoch_ms - days * kMillisPerDay;
  const CivilDate date = civil_from_days(days);
  char text[64];
  std::snprintf(text, sizeof text, "%04lld-%02u-%02uT%02lld:%02lld:%02lld.%03lldZ", static_cast<long long>(date.year),
                date.month, date.day, static_cast<long long>(ms_of_day / 3'600'000),
                static_cast<long long>(ms_of_day / 60'000 % 60), static_cast<long long>(ms_of_day / 1000 % 60),
                static_cast<long long>(ms_of_day % 1000));
  return text;
}

std::string utc_day(std::int64_t epoch_ms) { return iso_timestamp(epoch_ms).substr(0, 10); }

std::int64_t parse_iso_timestamp(std::string_view text) {
  const int year = digits(text, 0, 4);
  expect(text, 4, '-');
  const int month = digits(text, 5, 2);
  expect(text, 7, '-');
  const int day = digits(text, 8, 2);
  expect(text, 10, 'T');
  const int hour = digits(text, 11, 2);
  expect(text, 13, ':');
  const int minute = digits(text, 14, 2);
  expect(text, 16, ':');
  const int second = digits(text, 17, 2);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) {
    not_a_timestamp(text);
  }
  std::size_t pos = 19;
  const int ms = fraction_ms(text, pos);
  const int offset = offset_minutes(text, pos);
  const std::int64_t days = days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  return days * kMillisPerDay + ((hour * 60 + minute - offset) * 60 + second) * 1000LL + ms;
}

}  // namespace killrvideo::catalog
