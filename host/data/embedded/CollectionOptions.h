#pragma once
// createCollection's "options" (data-api-wire §3.2) → CollectionDef, normalised so that two
// requests with the same settings compare equal.

#include <nlohmann/json_fwd.hpp>

#include "data/embedded/SchemaObject.h"

namespace killrvideo::host::embedded {

CollectionDef parse_collection_options(const nlohmann::ordered_json& options);

}  // namespace killrvideo::host::embedded
