#pragma once
// A table filter (data-api-wire §4.2) compiled to a SQL WHERE clause with bound parameters, plus
// what the warnings (§1.8) and the primary-key rules of updates and deletes need to know about it.

#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "data/embedded/SchemaObject.h"
#include "data/embedded/Sqlite.h"

namespace killrvideo::host::embedded {

struct FilterCondition {
  std::string column;
  std::string op;  // $eq $ne $lt $lte $gt $gte $in $nin $all, or $keys/$values for map components
  bool top_level;  // false under $or
};

struct CompiledFilter {
  std::string where;  // SQL boolean expression; "1" when the filter is empty
  std::vector<SqlValue> params;
  std::vector<FilterCondition> conditions;
  std::map<std::string, SqlValue> equalities;  // top-level $eq per column (all ANDed)

  bool empty() const { return conditions.empty(); }
  std::set<std::string> columns() const;
};

// Fails with the FILTER errors of §1.7 (unknown columns, invalid values, unsupported operators).
CompiledFilter compile_table_filter(const TableDef& table, const nlohmann::ordered_json& filter);

}  // namespace killrvideo::host::embedded
