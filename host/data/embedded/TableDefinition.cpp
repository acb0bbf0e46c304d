#include "data/embedded/TableDefinition.h"

#include <nlohmann/json.hpp>

#include "data/embedded/ApiError.h"
#include "data/embedded/CommandBody.h"
#include "data/embedded/Sqlite.h"

namespace killrvideo::host::embedded {

namespace {

using json = nlohmann::ordered_json;

[[noreturn]] void bad_primary_key(const std::string& why) {
  fail("SCHEMA", "PRIMARY_KEY_DEFINITION_INCORRECT", "Primary key definition provided is incorrect: " + why + ".");
}

void parse_columns(const json& definition, TableDef& table) {
  const auto columns = definition.find("columns");
  if (columns == definition.end() || !columns->is_object() || columns->empty())
    fail("", "REQUEST_STRUCTURE_MISMATCH", "'definition.columns' must be a non-empty object.");
  for (const auto& [name, descriptor] : columns->items()) {
    if (!is_valid_name(name))
      fail("SCHEMA", "UNSUPPORTED_SCHEMA_NAME", "The command used the unsupported column name: '" + name + "'.");
    table.columns[name] = parse_column_type(descriptor);
  }
}

void parse_partition_sort(const json& sort, TableDef& table) {
  if (!sort.is_object()) bad_primary_key("partitionSort must be an object");
  // nlohmann::ordered_json keeps object keys sorted, so the clustering order is the key order as stored.
  for (const auto& [column, direction] : sort.items()) {
    if (!table.columns.count(column))
      fail("SCHEMA", "UNKNOWN_PARTITION_SORT_COLUMNS", "The partition sort includes the unknown column: " + column + ".");
    if (!direction.is_number_integer() || (direction != 1 && direction != -1))
      bad_primary_key("partitionSort values must be 1 or -1");
    if (table.is_partition_column(column)) bad_primary_key("partitionSort repeats the partition column " + column);
    table.partition_sort.emplace_back(column, direction.get<int>());
  }
}

void parse_primary_key(const json& definition, TableDef& table) {
  const auto key = definition.find("primaryKey");
  if (key == definition.end()) fail("SCHEMA", "MISSING_PARTITION_COLUMNS", "The table definition has no primaryKey.");
  if (key->is_string()) {
    table.partition_by.push_back(key->get<std::string>());
  } else if (key->is_object()) {
    require_known_fields(*key, {"partitionBy", "partitionSort"}, "primaryKey");
    const auto partition = key->find("partitionBy");
    if (partition == key->end() || !partition->is_array() || partition->empty())
      fail("SCHEMA", "MISSING_PARTITION_COLUMNS", "The table definition must have at least one partition key.");
    for (const auto& column : *partition) {
      if (!column.is_string()) bad_primary_key("partitionBy must list column names");
      table.partition_by.push_back(column.get<std::string>());
    }
  } else {
    bad_primary_key("primaryKey must be a column name or an object");
  }
  for (const auto& column : table.partition_by)
    if (!table.columns.count(column))
      fail("SCHEMA", "UNKNOWN_PARTITION_COLUMNS", "The partition includes the unknown column: " + column + ".");
  if (key->is_object() && key->contains("partitionSort")) parse_partition_sort((*key)["partitionSort"], table);
  for (const auto& column : table.primary_key()) {
    const ColumnType& type = table.columns.at(column);
    if (type.is_container() || type.is_vector()) bad_primary_key("column " + column + " of type " + type.name + " cannot be in the primary key");
  }
}

}  // namespace

TableDef parse_table_definition(const json& definition) {
  require_known_fields(definition, {"columns", "primaryKey"}, "definition");
  TableDef table;
  parse_columns(definition, table);
  parse_primary_key(definition, table);
  return table;
}

json describe_table(const std::string& name, const TableDef& table) {
  json columns = json::object();
  for (const auto& [column, type] : table.columns) columns[column] = column_schema(type);
  json sort = json::object();
  for (const auto& [column, direction] : table.partition_sort) sort[column] = direction;
  return {{"name", name},
          {"definition",
           {{"columns", columns}, {"primaryKey", {{"partitionBy", table.partition_by}, {"partitionSort", sort}}}}}};
}

std::string create_storage_sql(const std::string& storage_table, const TableDef& table) {
  std::string sql = "CREATE TABLE " + quote_identifier(storage_table) + " (";
  for (const auto& [column, type] : table.columns) sql += quote_identifier(column) + " " + sqlite_type(type) + ", ";
  sql += "PRIMARY KEY (";
  for (std::size_t i = 0; i < table.partition_by.size(); ++i) sql += (i ? ", " : "") + quote_identifier(table.partition_by[i]);
  for (const auto& [column, direction] : table.partition_sort)
    sql += ", " + quote_identifier(column) + (direction < 0 ? " DESC" : "");
  return sql + "))";
}

}  // namespace killrvideo::host::embedded
