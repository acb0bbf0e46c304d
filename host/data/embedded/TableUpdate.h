#pragma once
// updateOne's "update" clause on tables (data-api-wire §4.3): $set, $unset, $push, $pullAll.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "data/embedded/SchemaObject.h"
#include "data/embedded/TableRowWriter.h"

namespace killrvideo::host::embedded {

struct ColumnUpdate {
  std::string column;
  std::string op;
  nlohmann::ordered_json operand;
};

// Validates operators and columns; fails with the UPDATE errors of §1.7.
std::vector<ColumnUpdate> parse_table_update(const TableDef& table, const nlohmann::ordered_json& update);
// The encoded new value of the column, given its stored value (for $push/$pullAll).
SqlValue apply_column_update(const TableDef& table, const ColumnUpdate& update, const std::optional<SqlValue>& current);

}  // namespace killrvideo::host::embedded
