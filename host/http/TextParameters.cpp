#include "http/TextParameters.h"

#include <nlohmann/json.hpp>

namespace killrvideo::host {

namespace {

bool is_utf8(const std::string& text) {
  // nlohmann/json validates UTF-8 when it serialises a string; its strict mode is the check.
  try {
    (void)nlohmann::json(text).dump();
    return true;
  } catch (const nlohmann::json::type_error&) {
    return false;
  }
}

// The bytes as JSON text can carry them: invalid sequences become U+FFFD, so the issue can echo its input.
nlohmann::json readable_input(const std::string& text) {
  return nlohmann::json::parse(
      nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

void check(const char* location, const std::string& name, const std::string& text,
           std::vector<plugin::ValidationIssue>& issues) {
  if (!is_utf8(text)) {
    issues.push_back({"string_unicode",
                      {location, readable_input(name)},
                      "Input should be a valid string, unable to parse raw data as a unicode string",
                      readable_input(text),
                      nullptr});
  } else if (text.find('\0') != std::string::npos) {
    issues.push_back(
        {"value_error", {location, readable_input(name)}, "Value error, must not contain a NUL character", text, nullptr});
  }
}

void check_all(const char* location, const DecodedParameters& parameters, std::vector<plugin::ValidationIssue>& issues) {
  for (const auto& [name, value] : parameters) {
    check(location, name, name, issues);
    check(location, name, value, issues);
  }
}

}  // namespace

std::vector<plugin::ValidationIssue> text_parameter_issues(const DecodedParameters& path_params,
                                                           const DecodedParameters& query) {
  std::vector<plugin::ValidationIssue> issues;
  check_all("path", path_params, issues);
  check_all("query", query, issues);
  return issues;
}

}  // namespace killrvideo::host
