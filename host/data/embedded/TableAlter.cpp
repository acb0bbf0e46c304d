#include "data/embedded/TableAlter.h"

#include <functional>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "data/embedded/CommandBody.h"

namespace killrvideo::host::embedded {

namespace {

using json = nlohmann::ordered_json;

std::string joined(const std::vector<std::string>& names) {
  std::string text;
  for (const auto& name : names) text += (text.empty() ? "" : ", ") + name;
  return text;
}

// The operation's "columns", or the Data API's error for an empty operation (null, {} and [] alike).
const json& operation_columns(const std::string& operation, const json& body, bool object) {
  if (!body.is_object() && !body.is_null())
    fail("", "REQUEST_STRUCTURE_MISMATCH", "alterTable operation '" + operation + "' must be an object.");
  require_known_fields(body.is_null() ? json::object() : body, {"columns"}, "alterTable operation " + operation);
  const auto columns = body.is_object() ? body.find("columns") : body.end();
  if (columns == body.end() || columns->is_null() || columns->empty())
    fail("SCHEMA", "MISSING_ALTER_TABLE_OPERATIONS", "The command included the empty operation: " + operation + ".");
  if (object ? !columns->is_object() : !columns->is_array())
    fail("", "REQUEST_STRUCTURE_MISMATCH", "alterTable " + operation + ".columns must be " +
                                               (object ? "an object of column definitions." : "an array of column names."));
  return *columns;
}

// Runs the storage change and publishes the changed definition in one write transaction.
void change_table(EngineState& state, const SchemaObject& table, const std::function<void(TableDef&, Connection&)>& change) {
  auto lease = state.database.writer();
  Connection& connection = lease.connection();
  const auto current = state.catalog.find(table.keyspace, table.name);
  if (!current) fail("SCHEMA", "UNKNOWN_COLLECTION_OR_TABLE", "The table " + table.name + " no longer exists.");
  SchemaObject changed = *current;
  Transaction transaction(connection, true);
  change(changed.table, connection);
  state.catalog.update(connection, changed);
  transaction.commit();
  state.catalog.publish(std::move(changed));
}

void add_columns(EngineState& state, const SchemaObject& table, const json& columns) {
  std::vector<std::string> existing;
  std::map<std::string, ColumnType> added;
  for (const auto& [name, descriptor] : columns.items()) {
    if (!is_valid_name(name))
      fail("SCHEMA", "UNSUPPORTED_SCHEMA_NAME", "The command used the unsupported column name: '" + name + "'.");
    if (table.table.columns.count(name)) existing.push_back(name + "(" + table.table.columns.at(name).name + ")");
    try {
      added[name] = parse_column_type(descriptor);
      if (added[name].is_vectorize()) state.vectorize.check_service(name, added[name].dimension);
    } catch (const CommandFailure& failure) {
      if (failure.error().code != "UNSUPPORTED_DATA_TYPE_TABLE_CREATION") throw;
      fail("SCHEMA", "CANNOT_ADD_UNSUPPORTED_DATA_TYPE_COLUMNS",
           "The command attempted to add columns with unsupported data types: " + descriptor.dump() + ".");
    }
  }
  if (!existing.empty())
    fail("SCHEMA", "CANNOT_ADD_EXISTING_COLUMNS", "The request included the following duplicate columns: " + joined(existing) + ".");
  change_table(state, table, [&](TableDef& definition, Connection& connection) {
    for (const auto& [name, type] : added) {
      connection.exec("ALTER TABLE " + quote_identifier(table.storage_table()) + " ADD COLUMN " + quote_identifier(name) +
                      " " + sqlite_type(type));
      definition.columns[name] = type;
    }
  });
}

// addVectorize {"columns":{"c":{"provider","modelName"}}} attaches a service to existing vector columns;
// dropVectorize {"columns":["c"]} detaches it (the stored vectors stay).
void change_vectorize(EngineState& state, const SchemaObject& table, const std::string& operation, const json& columns) {
  std::map<std::string, std::string> services;  // column → service JSON ("" to drop)
  const bool add = operation == "addVectorize";
  std::vector<std::string> unknown, not_vectors;
  const auto note = [&](const std::string& name, const std::string& service) {
    const auto type = table.table.columns.find(name);
    if (type == table.table.columns.end()) unknown.push_back(name);
    else if (!type->second.is_vector()) not_vectors.push_back(name);
    else services[name] = service;
  };
  if (add) {
    for (const auto& [name, service] : columns.items()) {
      // The service is checked as a column declaration checks it.
      note(name, parse_column_type({{"type", "vector"}, {"dimension", 1}, {"service", service}}).service_json);
    }
  } else {
    for (const auto& column : columns) {
      if (!column.is_string()) fail("", "REQUEST_STRUCTURE_MISMATCH", "alterTable dropVectorize.columns must list column names.");
      note(column.get<std::string>(), "");
    }
  }
  if (!unknown.empty())
    fail("SCHEMA", add ? "CANNOT_VECTORIZE_UNKNOWN_COLUMNS" : "CANNOT_DROP_VECTORIZE_FROM_UNKNOWN_COLUMNS",
         "The command attempted to change vectorize on the unknown columns: " + joined(unknown) + ".");
  if (!not_vectors.empty())
    fail("SCHEMA", add ? "CANNOT_VECTORIZE_NON_VECTOR_COLUMNS" : "CANNOT_DROP_VECTORIZE_FROM_NON_VECTOR_COLUMNS",
         "The command attempted to change vectorize on the non-vector columns: " + joined(not_vectors) + ".");
  for (const auto& [name, service] : services)
    if (!service.empty()) state.vectorize.check_service(name, table.table.columns.at(name).dimension);
  change_table(state, table, [&](TableDef& definition, Connection&) {
    for (const auto& [name, service] : services) definition.columns[name].service_json = service;
  });
}

void drop_columns(EngineState& state, const SchemaObject& table, const json& columns) {
  std::vector<std::string> names, unknown, key, indexed;
  for (const auto& column : columns) {
    if (!column.is_string()) fail("", "REQUEST_STRUCTURE_MISMATCH", "alterTable drop.columns must list column names.");
    const std::string name = column.get<std::string>();
    names.push_back(name);
    if (!table.table.columns.count(name)) unknown.push_back(name);
    else if (table.table.is_primary_key(name)) key.push_back(name);
    else
      for (const auto& index : table.table.indexes)
        if (index.column == name) {
          indexed.push_back(name);
          break;
        }
  }
  if (!unknown.empty())
    fail("SCHEMA", "CANNOT_DROP_UNKNOWN_COLUMNS", "The command attempted to drop the unknown columns: " + joined(unknown) + ".");
  if (!key.empty())
    fail("SCHEMA", "CANNOT_DROP_PRIMARY_KEY_COLUMNS", "The command attempted to drop the primary key columns: " + joined(key) + ".");
  if (!indexed.empty())
    fail("SCHEMA", "CANNOT_DROP_INDEXED_COLUMNS", "The command attempted to drop the indexed columns: " + joined(indexed) + ".");
  change_table(state, table, [&](TableDef& definition, Connection& connection) {
    for (const auto& name : std::set<std::string>(names.begin(), names.end())) {
      connection.exec("ALTER TABLE " + quote_identifier(table.storage_table()) + " DROP COLUMN " + quote_identifier(name));
      definition.columns.erase(name);
    }
  });
}

CommandResult ok() {
  CommandResult result;
  result.status["ok"] = 1;
  return result;
}

}  // namespace

CommandResult table_alter(EngineState& state, const Command& command, const SchemaObject& table) {
  require_known_fields(command.body, {"operation"}, "alterTable");
  const json& operations = object_field(command.body, "operation");
  if (operations.size() != 1)
    fail("SCHEMA", "MISSING_ALTER_TABLE_OPERATIONS",
         "alterTable takes exactly one operation: add, drop, addVectorize or dropVectorize.");
  const std::string& operation = operations.begin().key();
  const json& body = operations.begin().value();
  if (operation == "add") add_columns(state, table, operation_columns(operation, body, true));
  else if (operation == "drop") drop_columns(state, table, operation_columns(operation, body, false));
  else if (operation == "addVectorize") change_vectorize(state, table, operation, operation_columns(operation, body, true));
  else if (operation == "dropVectorize") change_vectorize(state, table, operation, operation_columns(operation, body, false));
  else
    fail("", "REQUEST_STRUCTURE_MISMATCH",
         "Unknown alterTable operation '" + operation + "': use add, drop, addVectorize or dropVectorize.");
  return ok();
}

}  // namespace killrvideo::host::embedded
