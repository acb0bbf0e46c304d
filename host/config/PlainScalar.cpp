#include "config/PlainScalar.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <regex>

namespace killrvideo::host {

std::optional<long long> parse_integer(const std::string& text) {
  static const std::regex integer_syntax("[-+]?[0-9]+");
  if (!std::regex_match(text, integer_syntax)) {
    return std::nullopt;
  }
  // from_chars takes a leading '-' but not a '+'.
  const char* first = text.data() + (text.front() == '+' ? 1 : 0);
  const char* last = text.data() + text.size();
  long long value = 0;
  const auto [end, error] = std::from_chars(first, last, value);
  if (error != std::errc() || end != last) {
    return std::nullopt;
  }
  return value;
}

std::optional<double> parse_decimal(const std::string& text) {
  static const std::regex decimal_syntax(R"([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?)");
  if (!std::regex_match(text, decimal_syntax)) {
    return std::nullopt;
  }
  const double value = std::strtod(text.c_str(), nullptr);
  if (!std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

std::optional<bool> parse_bool(const std::string& text) {
  if (text == "true") {
    return true;
  }
  if (text == "false") {
    return false;
  }
  return std::nullopt;
}

bool is_null_word(const std::string& text) {
  return text == "null" || text == "Null" || text == "NULL" || text == "~";
}

}  // namespace killrvideo::host
