#pragma once
// Collection filters (data-api-wire §5), evaluated on documents: dotted paths, array-index
// segments, $eq $ne $in $nin $lt $lte $gt $gte $exists $all $size, and $and $or $not.

#include <optional>

#include <nlohmann/json.hpp>

namespace killrvideo::host::embedded {

// Fails with FILTER errors for unknown operators or malformed clauses.
void validate_document_filter(const nlohmann::json& filter);
bool document_matches(const nlohmann::json& document, const nlohmann::json& filter);
// The _id when the filter selects exactly one document by it ({"_id": x} or {"_id": {"$eq": x}}).
std::optional<nlohmann::json> filtered_id(const nlohmann::json& filter);
// Top-level equalities ({"a": 1, "b": {"$eq": 2}}) seed the document an upsert inserts.
nlohmann::json filter_equalities(const nlohmann::json& filter);
// The value at a dotted path, or nullptr when absent.
const nlohmann::json* find_path(const nlohmann::json& document, const std::string& path);

}  // namespace killrvideo::host::embedded
