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

// {"documents":…,"nextPageState":…}, built by moving. An ordered_json object that grows copies the members
// it holds (their keys are const, so they cannot be moved), and a brace-initialised one copies its
// elements: either way a page of 1,000 rows would be copied whole.
nlohmann::ordered_json page_of(nlohmann::ordered_json documents, nlohmann::ordered_json next_page_state = nullptr);

}  // namespace killrvideo::host::embedded
