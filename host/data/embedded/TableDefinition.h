#pragma once
// createTable's "definition" → TableDef, and TableDef → the listTables explain form.

#include <string>

#include <nlohmann/json_fwd.hpp>

#include "data/embedded/SchemaObject.h"

namespace killrvideo::host::embedded {

TableDef parse_table_definition(const nlohmann::ordered_json& definition);
nlohmann::ordered_json describe_table(const std::string& name, const TableDef& table);
// CREATE TABLE for the storage table: one typed column per declared column, PRIMARY KEY over the
// partition and clustering columns (DESC where the clustering order says so).
std::string create_storage_sql(const std::string& storage_table, const TableDef& table);

}  // namespace killrvideo::host::embedded
