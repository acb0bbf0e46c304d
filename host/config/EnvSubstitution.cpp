#include "config/EnvSubstitution.h"

#include <cctype>
#include <cstdlib>
#include <stdexcept>

namespace killrvideo::host {

namespace {

bool is_valid_name(const std::string& name) {
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name.front()))) {
    return false;
  }
  for (char c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') {
      return false;
    }
  }
  return true;
}

// `reference` is what stands between `${` and `}`.
std::string resolve(const std::string& reference) {
  const std::size_t default_separator = reference.find(":-");
  const std::string name = reference.substr(0, default_separator);
  if (!is_valid_name(name)) {
    throw std::invalid_argument("invalid environment variable name '" + name + "'");
  }
  const char* value = std::getenv(name.c_str());
  const bool has_value = value != nullptr && *value != '\0';
  if (has_value || default_separator == std::string::npos) {
    return value != nullptr ? value : "";
  }
  return reference.substr(default_separator + 2);
}

}  // namespace

std::string substitute_env_vars(const std::string& text) {
  std::string result;
  std::size_t position = 0;
  for (std::size_t start = text.find("${"); start != std::string::npos; start = text.find("${", position)) {
    const std::size_t end = text.find('}', start);
    if (end == std::string::npos) {
      throw std::invalid_argument("unterminated '${'");
    }
    result.append(text, position, start - position);
    result += resolve(text.substr(start + 2, end - start - 2));
    position = end + 1;
  }
  result.append(text, position);
  return result;
}

}  // namespace killrvideo::host
