#pragma once
// Tests compare bodies as JSON values, not as serialized text.

#include <nlohmann/json.hpp>

#include "killrvideo/plugin/Http.h"

namespace killrvideo::plugin::testing {

// The parsed body; null for an empty body (204). Throws nlohmann::json::parse_error when it is not JSON.
inline nlohmann::json response_json(const Response& response) {
  return response.body.empty() ? nlohmann::json() : nlohmann::json::parse(response.body);
}

}  // namespace killrvideo::plugin::testing
