#pragma once
// Collection update operators (data-api-wire §5): $set $unset $inc $push $setOnInsert (plus $mul,
// $min, $max, $addToSet), on dotted paths.

#include <nlohmann/json.hpp>

namespace killrvideo::host::embedded {

// Fails with UPDATE errors for unknown operators, _id changes or malformed operands.
void validate_document_update(const nlohmann::ordered_json& update);
// Applies the update in place; $setOnInsert only when `inserting`. Returns whether the document changed.
bool apply_document_update(nlohmann::ordered_json& document, const nlohmann::ordered_json& update, bool inserting);

}  // namespace killrvideo::host::embedded
