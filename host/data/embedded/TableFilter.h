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
  std::string op;  // $eq $ne $lt $lte $gt $gte $in $nin $all $match, or $keys/$values for map components
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

// How a $match condition reads the column's text index: as the set of matching rowids (one lookup of the
// index per query), or as one probe per row when rows are read one at a time (a lexical sort).
enum class MatchForm { RowidSet, PerRow };

// Fails with the FILTER errors of §1.7 (unknown columns, invalid values, unsupported operators).
CompiledFilter compile_table_filter(const SchemaObject& table, const nlohmann::ordered_json& filter,
                                    MatchForm match_form = MatchForm::RowidSet);
// For the primary-key filters of updates and deletes, which have no $match.
CompiledFilter compile_table_filter(const TableDef& table, const nlohmann::ordered_json& filter);

}  // namespace killrvideo::host::embedded
