#pragma once
// Reading the Data API response envelope (data-api-wire §1.5): errors become DataApiError, a response
// that is not an envelope becomes std::runtime_error, and the data and status parts become results.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "killrvideo/plugin/data/DataApiError.h"
#include "killrvideo/plugin/data/Results.h"

namespace killrvideo::plugin::data::detail {

// Throws std::runtime_error unless `response` is a JSON object.
void require_envelope(const nlohmann::ordered_json& response);
std::vector<ErrorObject> errors_of(const nlohmann::ordered_json& response);
// Throws DataApiError when the response carries errors, else returns it.
const nlohmann::ordered_json& require_success(const nlohmann::ordered_json& response);

// The status object, or an empty one.
const nlohmann::ordered_json& status_of(const nlohmann::ordered_json& response);
// A status integer; throws std::runtime_error when missing.
std::int64_t status_integer(const nlohmann::ordered_json& response, const char* key);
std::optional<nlohmann::ordered_json> upserted_id_of(const nlohmann::ordered_json& response);
// status.insertedIds, empty when absent (every row refused).
std::vector<nlohmann::ordered_json> inserted_ids_of(const nlohmann::ordered_json& response);

FindResult read_find_result(nlohmann::ordered_json response);
// data.document: none for a null (no match).
std::optional<nlohmann::ordered_json> read_document(const nlohmann::ordered_json& response);

}  // namespace killrvideo::plugin::data::detail
