#pragma once
// Collection filters (data-api-wire §5), evaluated on documents: dotted paths, array-index
// segments, $eq $ne $in $nin $lt $lte $gt $gte $exists $all $size, and $and $or $not.

#include <optional>

#include <nlohmann/json.hpp>

namespace killrvideo::host::embedded {

// Fails with FILTER errors for unknown operators or malformed clauses.
void validate_document_filter(const nlohmann::ordered_json& filter);
bool document_matches(const nlohmann::ordered_json& document, const nlohmann::ordered_json& filter);
// The _id when the filter selects exactly one document by it ({"_id": x} or {"_id": {"$eq": x}}).
std::optional<nlohmann::ordered_json> filtered_id(const nlohmann::ordered_json& filter);
// Top-level equalities ({"a": 1, "b": {"$eq": 2}}) seed the document an upsert inserts.
nlohmann::ordered_json filter_equalities(const nlohmann::ordered_json& filter);
// The value at a dotted path, or nullptr when absent.
const nlohmann::ordered_json* find_path(const nlohmann::ordered_json& document, const std::string& path);

}  // namespace killrvideo::host::embedded
