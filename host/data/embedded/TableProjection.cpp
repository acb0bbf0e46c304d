#include "data/embedded/TableProjection.h"

#include <optional>
#include <set>

#include <nlohmann/json.hpp>

#include "data/embedded/ApiError.h"

namespace killrvideo::host::embedded {

namespace {

using json = nlohmann::ordered_json;

bool include_flag(const std::string& name, const json& value) {
  if (value.is_boolean()) return value.get<bool>();
  if (value.is_number_integer() && (value == 0 || value == 1)) return value == 1;
  fail("PROJECTION", "UNSUPPORTED_PROJECTION_PARAM",
       "Unsupported projection parameter: '" + name + "' must be 1, 0, true or false (tables take flat projections).");
}

std::vector<std::string> all_columns(const TableDef& table) {
  std::vector<std::string> columns;
  for (const auto& [name, type] : table.columns) columns.push_back(name);
  return columns;
}

}  // namespace

std::vector<std::string> table_projection(const TableDef& table, const json& projection) {
  if (projection.empty()) return all_columns(table);
  if (projection.contains("*")) {
    if (projection.size() != 1)
      fail("PROJECTION", "UNSUPPORTED_PROJECTION_PARAM", "Unsupported projection parameter: '*' must be used alone.");
    return include_flag("*", projection["*"]) ? all_columns(table) : std::vector<std::string>{};
  }
  std::set<std::string> named;
  bool any_known = false;
  std::optional<bool> including;
  for (const auto& [name, value] : projection.items()) {
    const bool include = include_flag(name, value);
    if (including && *including != include)
      fail("PROJECTION", "UNSUPPORTED_PROJECTION_PARAM",
           "Unsupported projection parameter: cannot mix inclusions and exclusions.");
    including = include;
    named.insert(name);
    any_known = any_known || table.columns.count(name) > 0;
  }
  if (!any_known) {
    std::string names;
    for (const auto& name : named) names += (names.empty() ? "" : ", ") + name;
    fail("PROJECTION", "UNKNOWN_TABLE_COLUMNS", "The projection included the following unknown columns: " + names + ".");
  }
  std::vector<std::string> columns;
  for (const auto& [name, type] : table.columns)
    if (named.count(name) == static_cast<std::size_t>(*including)) columns.push_back(name);
  return columns;
}

json projection_schema(const TableDef& table, const std::vector<std::string>& columns) {
  json schema = json::object();
  for (const auto& column : columns) schema[column] = column_schema(table.columns.at(column));
  return schema;
}

}  // namespace killrvideo::host::embedded
