#pragma once
// What the Table and Collection commands return, read from the Data API response envelope
// (data-api-wire §1.5). Documents stay JSON: a plugin maps them to its own types.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "killrvideo/plugin/data/DataApiError.h"

namespace killrvideo::plugin::data {

struct FindResult {
  std::vector<nlohmann::ordered_json> documents;
  // Set while more pages remain: pass it to FindOptions::page_state with the identical query.
  std::optional<std::string> next_page_state;
  // Advice that did not fail the command (MISSING_INDEX, IN_MEMORY_SORTING_…, data-api-wire §1.8).
  std::vector<ErrorObject> warnings;
  // With include_sort_vector under a vector sort.
  std::optional<std::vector<float>> sort_vector;
  // Tables, when the server sorted in memory.
  std::optional<std::int64_t> sorted_row_count;

  std::vector<std::string> warning_codes() const;
};

// Every page of a query, up to a bound.
struct FindAllResult {
  std::vector<nlohmann::ordered_json> documents;
  std::vector<ErrorObject> warnings;  // of every page, in order
  // Stopped at the bound while the server still had rows or pages: `documents` holds the first ones only.
  bool truncated = false;
};

struct InsertManyResult {
  // Tables: one array of primary-key values per row; collections: the `_id`s.
  std::vector<nlohmann::ordered_json> inserted_ids;
  // Rows the server refused (scope DOCUMENT); the others were written.
  std::vector<ErrorObject> errors;
};

struct UpdateResult {
  std::int64_t matched_count = 0;
  std::int64_t modified_count = 0;
  // Collections: the `_id` of the document an upsert inserted.
  std::optional<nlohmann::ordered_json> upserted_id;
};

struct FindOneAndUpdateResult {
  // Before or after the update, as asked; none when nothing matched and nothing was upserted.
  std::optional<nlohmann::ordered_json> document;
  std::int64_t matched_count = 0;
  std::int64_t modified_count = 0;
  std::optional<nlohmann::ordered_json> upserted_id;
};

struct CountResult {
  std::int64_t count = 0;
  // The true count is higher than `count`: the server's or the caller's upper bound was reached.
  bool more_data = false;
};

// The "$similarity" score of a row from a vector sort with include_similarity: higher is more similar
// (data-api-wire §6). Throws std::invalid_argument when the row has none.
double similarity_of(const nlohmann::ordered_json& document);

}  // namespace killrvideo::plugin::data
