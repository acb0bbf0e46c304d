#include "data/embedded/TableReadWarnings.h"

#include <set>
#include <string>

namespace killrvideo::host::embedded {

namespace {

std::string join(const std::set<std::string>& names) {
  std::string text;
  for (const auto& name : names) text += (text.empty() ? "" : ", ") + name;
  return text.empty() ? "[]" : text;
}

std::string indexed_columns(const TableDef& table) {
  std::set<std::string> columns;
  for (const auto& index : table.indexes)
    if (!index.vector) columns.insert(index.column);
  return join(columns);
}

std::string primary_key_text(const TableDef& table) {
  const auto key = table.primary_key();
  return join(std::set<std::string>(key.begin(), key.end()));
}

// SAI answers these operators on these types only by filtering, even with an index.
void inefficient_indexed_filters(const SchemaObject& object, const CompiledFilter& filter, std::vector<ApiError>& warnings) {
  const TableDef& table = object.table;
  std::set<std::string> not_equals, comparisons, not_in;
  for (const auto& condition : filter.conditions) {
    if (!table.regular_index_on(condition.column) || table.is_primary_key(condition.column)) continue;
    const std::string& type = table.columns.at(condition.column).name;
    const bool weak = type == "text" || type == "ascii" || type == "boolean" || type == "uuid";
    if (condition.op == "$ne" && (weak || type == "duration" || type == "blob")) not_equals.insert(condition.column);
    if (weak && (condition.op == "$lt" || condition.op == "$lte" || condition.op == "$gt" || condition.op == "$gte"))
      comparisons.insert(condition.column);
    if (weak && condition.op == "$nin") not_in.insert(condition.column);
  }
  const std::string where = "The table " + object.keyspace + "." + object.name;
  if (!not_equals.empty())
    warnings.push_back(make_warning("NOT_EQUALS_UNSUPPORTED_BY_INDEXING",
                                    where + " applied $ne to the indexed columns: " + join(not_equals) + "."));
  if (!comparisons.empty())
    warnings.push_back(make_warning("COMPARISON_FILTER_UNSUPPORTED_BY_INDEXING",
                                    where + " applied $lt, $gt, $lte, $gte to the indexed columns: " + join(comparisons) + "."));
  if (!not_in.empty())
    warnings.push_back(make_warning("NOT_IN_FILTER_UNSUPPORTED_BY_INDEXING",
                                    where + " applied $nin to the indexed columns: " + join(not_in) + "."));
}

// Only key columns filtered, but not a whole partition key or a clustering prefix.
bool incomplete_primary_key(const TableDef& table, const CompiledFilter& filter) {
  const std::set<std::string> filtered = filter.columns();
  for (const auto& column : table.partition_by)
    if (!filtered.count(column)) return true;
  bool gap = false;
  for (const auto& [column, direction] : table.partition_sort) {
    if (!filtered.count(column)) gap = true;
    else if (gap) return true;
  }
  return false;
}

}  // namespace

std::vector<ApiError> table_filter_warnings(const SchemaObject& object, const CompiledFilter& filter, bool vector_sort) {
  const TableDef& table = object.table;
  const std::string where = "The table " + object.keyspace + "." + object.name + " has the primary key: " +
                            primary_key_text(table) + ".\nAnd has indexes on the columns: " + indexed_columns(table) + ".";
  std::vector<ApiError> warnings;
  if (filter.empty()) {
    if (!vector_sort)
      warnings.push_back(make_warning("ZERO_FILTER_OPERATIONS", "Zero filters were provided in the filter for this query.\n" + where));
    return warnings;
  }
  std::set<std::string> unindexed;
  for (const auto& condition : filter.conditions) {
    const bool text_match = condition.op == "$match";  // compiled only on a text-indexed column
    if (!text_match && !table.is_primary_key(condition.column) && !table.regular_index_on(condition.column))
      unindexed.insert(condition.column);
  }
  if (!unindexed.empty())
    warnings.push_back(make_warning("MISSING_INDEX", "The filter includes columns that are not indexed.\n" + where +
                                                         "\nThe request filtered on the un-indexed columns: " + join(unindexed) + "."));
  inefficient_indexed_filters(object, filter, warnings);
  bool only_key_columns = true;
  for (const auto& column : filter.columns()) only_key_columns = only_key_columns && table.is_primary_key(column);
  if (only_key_columns && incomplete_primary_key(table, filter))
    warnings.push_back(make_warning("INCOMPLETE_PRIMARY_KEY_FILTER",
                                    "The filter only specified columns from the primary key, but did not specify the full "
                                    "primary key for the table.\n" + where));
  return warnings;
}

}  // namespace killrvideo::host::embedded
