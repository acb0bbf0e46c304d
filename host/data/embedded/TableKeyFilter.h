#pragma once
// The primary-key filters of table updates and deletes (data-api-wire §4.3, §4.4).

#include <nlohmann/json_fwd.hpp>

#include "data/embedded/SchemaObject.h"
#include "data/embedded/TableFilter.h"
#include "data/embedded/TableRowWriter.h"

namespace killrvideo::host::embedded {

// updateOne/deleteOne: exactly the full primary key with $eq → its encoded values.
RowValues full_primary_key(const TableDef& table, const nlohmann::ordered_json& filter);
// deleteMany: the whole partition key with $eq, then an optional clustering prefix ($eq, a range on
// the last one). The filter must not be empty (the caller truncates for {}).
CompiledFilter partition_range(const TableDef& table, const nlohmann::ordered_json& filter);

}  // namespace killrvideo::host::embedded
