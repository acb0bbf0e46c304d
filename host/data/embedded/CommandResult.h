#pragma once
// What a command produced, before it becomes the response envelope (data-api-wire §1.5).

#include <vector>

#include <nlohmann/json.hpp>

#include "data/embedded/ApiError.h"

namespace killrvideo::host::embedded {

struct CommandResult {
  nlohmann::ordered_json data;                           // null: no "data"
  nlohmann::ordered_json status = nlohmann::ordered_json::object();
  std::vector<ApiError> errors;                  // partial failures of multi-row writes
  std::vector<ApiError> warnings;

  // {"data":…,"status":…,"errors":[…]} in that order: empty status/errors omitted, data dropped when
  // errors exist. Consumes the result (rows are moved, not copied).
  nlohmann::ordered_json to_envelope() &&;
};

}  // namespace killrvideo::host::embedded
