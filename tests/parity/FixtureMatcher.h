#pragma once
// Compares a Data API response with a fixture's expectation. In the expectation, "<any>" matches any
// value, "<capture:NAME>" matches any string and remembers it, and numbers match within 1e-5 (scores
// are float32). Error and warning objects are compared on family, scope and errorCode only: their id is
// random and their message is prose.

#include <map>
#include <string>

#include <nlohmann/json.hpp>

namespace killrvideo::testing {

class FixtureMatcher {
 public:
  // "" when `actual` matches `expected`, else the JSON path of the first difference and both values.
  std::string mismatch(const nlohmann::ordered_json& expected, const nlohmann::ordered_json& actual);
  // Replaces every "<use:NAME>" string in `command` with the captured value.
  nlohmann::ordered_json substitute(const nlohmann::ordered_json& command) const;

 private:
  std::string compare(const nlohmann::ordered_json& expected, const nlohmann::ordered_json& actual, const std::string& path);
  std::map<std::string, std::string> captures_;
};

// The response with each error/warning object reduced to {family, scope, errorCode}.
nlohmann::ordered_json without_prose(const nlohmann::ordered_json& response);
// The response with each error/warning object's random id removed (for backend-to-backend equality).
nlohmann::ordered_json without_ids(const nlohmann::ordered_json& response);

}  // namespace killrvideo::testing
