#include "data/embedded/TableKeyFilter.h"

#include <nlohmann/json.hpp>

#include "data/embedded/ApiError.h"

namespace killrvideo::host::embedded {

namespace {

CompiledFilter key_only_filter(const TableDef& table, const nlohmann::ordered_json& filter) {
  if (filter.empty())
    fail("FILTER", "MISSING_FILTER_FOR_UPDATE_DELETE", "Update and delete commands for tables require a filter.");
  CompiledFilter compiled = compile_table_filter(table, filter);
  for (const auto& condition : compiled.conditions)
    if (!table.is_primary_key(condition.column))
      fail("FILTER", "UNSUPPORTED_NON_PRIMARY_KEY_FILTER_FOR_UPDATE_DELETE",
           "The filter used the non primary key columns: " + condition.column + ".");
  return compiled;
}

[[noreturn]] void invalid_key_filter(const std::string& why) {
  fail("FILTER", "INVALID_PRIMARY_KEY_FILTER",
       "The command requires a filter on the primary key that specifies all of the partitioning keys, and the "
       "partition sort keys in order: " + why + ".");
}

}  // namespace

RowValues full_primary_key(const TableDef& table, const nlohmann::ordered_json& filter) {
  const CompiledFilter compiled = key_only_filter(table, filter);
  for (const auto& condition : compiled.conditions)
    if (condition.op != "$eq" || !condition.top_level)
      fail("FILTER", "UNSUPPORTED_FILTER_FOR_UPDATE_ONE_DELETE_ONE",
           "The command used an invalid filter on the columns: " + condition.column + ".");
  RowValues key;
  std::string missing;
  for (const auto& column : table.primary_key()) {
    const auto found = compiled.equalities.find(column);
    if (found == compiled.equalities.end()) missing += (missing.empty() ? "" : ", ") + column;
    else key[column] = found->second;
  }
  if (!missing.empty())
    fail("FILTER", "MISSING_FULL_PRIMARY_KEY_FOR_UPDATE_DELETE", "The filter was missing the primary key columns: " + missing + ".");
  return key;
}

CompiledFilter partition_range(const TableDef& table, const nlohmann::ordered_json& filter) {
  CompiledFilter compiled = key_only_filter(table, filter);
  for (const auto& condition : compiled.conditions)
    if (!condition.top_level) invalid_key_filter("$or cannot select rows to delete");
  for (const auto& column : table.partition_by)
    if (!compiled.equalities.count(column)) invalid_key_filter("missing partition key " + column);
  const auto filtered = compiled.columns();
  bool ended = false;  // a gap or a range ends the clustering prefix
  for (const auto& [column, direction] : table.partition_sort) {
    if (!filtered.count(column)) {
      ended = true;
      continue;
    }
    if (ended) invalid_key_filter("partition sort column " + column + " follows a skipped or ranged column");
    if (!compiled.equalities.count(column)) ended = true;
  }
  return compiled;
}

}  // namespace killrvideo::host::embedded
