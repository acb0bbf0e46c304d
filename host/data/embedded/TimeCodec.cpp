#include "data/embedded/TimeCodec.h"

#include <cctype>
#include <cstdio>
#include <regex>

#include "killrvideo/plugin/UtcTime.h"

namespace killrvideo::host::embedded {

std::optional<std::int64_t> parse_timestamp(const std::string& text) {
  static const std::regex pattern(
      R"(^(-?\d{4,})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$)");
  std::smatch m;
  if (!std::regex_match(text, m, pattern)) return std::nullopt;
  const std::int64_t year = std::stoll(m[1]);
  const unsigned month = std::stoul(m[2]), day = std::stoul(m[3]);
  const int hour = std::stoi(m[4]), minute = std::stoi(m[5]), second = m[6].matched ? std::stoi(m[6]) : 0;
  if (!plugin::is_civil_date(year, month, day) || hour > 23 || minute > 59 || second > 59) return std::nullopt;
  const std::string fraction = (m[7].str() + "000").substr(0, 3);
  std::int64_t offset_minutes = 0;
  const std::string zone = m[8];
  if (zone != "Z") {
    const std::string digits = zone[3] == ':' ? zone.substr(1, 2) + zone.substr(4) : zone.substr(1);
    offset_minutes = std::stoi(digits.substr(0, 2)) * 60 + std::stoi(digits.substr(2));
    if (zone[0] == '-') offset_minutes = -offset_minutes;
  }
  const std::int64_t seconds = plugin::days_from_civil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second -
                               offset_minutes * 60;
  return seconds * 1000 + std::stoi(fraction);
}

std::string format_timestamp(std::int64_t epoch_ms) {
  // The plugin API's spelling always carries ".mmm"; the Data API drops a zero fraction.
  std::string text = plugin::iso_timestamp(epoch_ms);
  if (text.size() > 5 && text.compare(text.size() - 5, 5, ".000Z") == 0) text.erase(text.size() - 5, 4);
  return text;
}

bool is_valid_date(const std::string& text) {
  static const std::regex pattern(R"(^(-?\d{4,})-(\d{2})-(\d{2})$)");
  std::smatch m;
  return std::regex_match(text, m, pattern) &&
         plugin::is_civil_date(std::stoll(m[1]), std::stoul(m[2]), std::stoul(m[3]));
}

bool is_valid_time(const std::string& text) {
  static const std::regex pattern(R"(^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,9})?$)");
  return std::regex_match(text, pattern);
}

std::optional<std::string> normalize_duration(const std::string& text) {
  static const std::regex iso(R"(^-?P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$)");
  if (std::regex_match(text, iso)) return text;
  // Cassandra's unit form: a sequence of <number><unit>, units y mo w d h m s ms us µs ns.
  static const std::regex unit_form(R"(^-?(\d+(y|mo|w|d|h|ms|m|us|µs|ns|s))+$)", std::regex::icase);
  if (!std::regex_match(text, unit_form)) return std::nullopt;
  static const std::regex part(R"((\d+)(y|mo|w|d|h|ms|m|us|µs|ns|s))", std::regex::icase);
  long long months = 0, days = 0, nanos = 0;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), part); it != std::sregex_iterator(); ++it) {
    const long long n = std::stoll((*it)[1]);
    std::string unit = (*it)[2];
    for (auto& c : unit) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (unit == "y") months += 12 * n;
    else if (unit == "mo") months += n;
    else if (unit == "w") days += 7 * n;
    else if (unit == "d") days += n;
    else if (unit == "h") nanos += n * 3600000000000LL;
    else if (unit == "m") nanos += n * 60000000000LL;
    else if (unit == "s") nanos += n * 1000000000LL;
    else if (unit == "ms") nanos += n * 1000000LL;
    else if (unit == "ns") nanos += n;
    else nanos += n * 1000LL;
  }
  std::string iso_text = text[0] == '-' ? "-P" : "P";
  if (months / 12) iso_text += std::to_string(months / 12) + "Y";
  if (months % 12) iso_text += std::to_string(months % 12) + "M";
  if (days) iso_text += std::to_string(days) + "D";
  const long long hours = nanos / 3600000000000LL, minutes = nanos / 60000000000LL % 60;
  const long long seconds = nanos / 1000000000LL % 60, fraction = nanos % 1000000000LL;
  if (hours || minutes || seconds || fraction) iso_text += "T";
  if (hours) iso_text += std::to_string(hours) + "H";
  if (minutes) iso_text += std::to_string(minutes) + "M";
  if (seconds || fraction) {
    iso_text += std::to_string(seconds);
    if (fraction) {
      char digits[16];
      std::snprintf(digits, sizeof digits, ".%09lld", fraction);
      std::string trimmed = digits;
      while (trimmed.back() == '0') trimmed.pop_back();
      iso_text += trimmed;
    }
    iso_text += "S";
  }
  if (iso_text.size() <= 2) iso_text += "T0S";
  return iso_text;
}

}  // namespace killrvideo::host::embedded
