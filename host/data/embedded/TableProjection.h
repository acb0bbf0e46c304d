#pragma once
// Flat table projections (data-api-wire §4.2): {"a":1,"b":1}, {"a":0}, {"*":1}, {"*":0}.

#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "data/embedded/SchemaObject.h"

namespace killrvideo::host::embedded {

// The projected columns, in table order. Unknown names are ignored unless every named column is
// unknown (PROJECTION UNKNOWN_TABLE_COLUMNS).
std::vector<std::string> table_projection(const TableDef& table, const nlohmann::ordered_json& projection);
// status.projectionSchema for those columns.
nlohmann::ordered_json projection_schema(const TableDef& table, const std::vector<std::string>& columns);

}  // namespace killrvideo::host::embedded
