#pragma once
// How the text of an unquoted YAML scalar reads as a number, a boolean or null. Shared by the typed
// config fields and the plugins' free-form `config:` blocks so that both agree on, say, what an integer is.

#include <optional>
#include <string>

namespace killrvideo::host {

// Decimal digits with an optional sign; nothing when the text is not one or does not fit.
std::optional<long long> parse_integer(const std::string& text);

// A decimal number with an optional fraction and exponent ("1.5", ".5", "2e3"); never inf or nan,
// which JSON cannot carry.
std::optional<double> parse_decimal(const std::string& text);

// Exactly "true" or "false": YAML 1.1's yes/no/on/off are too easy to write by accident.
std::optional<bool> parse_bool(const std::string& text);

bool is_null_word(const std::string& text);

}  // namespace killrvideo::host
