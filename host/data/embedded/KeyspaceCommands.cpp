#include "data/embedded/KeyspaceCommands.h"

#include <map>

#include <nlohmann/json.hpp>

#include "data/embedded/CommandBody.h"
#include "data/embedded/CollectionOptions.h"
#include "data/embedded/TableDefinition.h"
#include "data/embedded/TextIndex.h"

namespace killrvideo::host::embedded {

namespace {

using json = nlohmann::ordered_json;

CommandResult ok() {
  CommandResult result;
  result.status["ok"] = 1;
  return result;
}

std::string required_name(const json& body) {
  const auto name = body.find("name");
  if (name == body.end() || !name->is_string())
    fail("", "REQUEST_STRUCTURE_MISMATCH", "Request is valid JSON but has a structural mismatch: 'name' must be a string.");
  return name->get<std::string>();
}

std::string new_schema_name(const json& body, const std::string& kind) {
  const std::string name = required_name(body);
  if (!is_valid_name(name))
    fail("SCHEMA", "UNSUPPORTED_SCHEMA_NAME", "The command used the unsupported " + kind + " name: '" + name + "'.");
  return name;
}

// Creates the catalog row and the storage table in one transaction, then publishes the object.
void create_object(EngineState& state, SchemaObject object, const std::string& storage_sql_suffix,
                   const TableDef* table) {
  auto lease = state.database.writer();
  Connection& connection = lease.connection();
  Transaction transaction(connection, true);
  if (state.catalog.find(object.keyspace, object.name))
    fail("SCHEMA", "CANNOT_ADD_EXISTING_TABLE", "The command attempted to add the existing table: " + object.name + ".");
  object = state.catalog.insert(connection, std::move(object));
  connection.exec(table ? create_storage_sql(object.storage_table(), *table)
                        : "CREATE TABLE " + quote_identifier(object.storage_table()) + storage_sql_suffix);
  transaction.commit();
  const bool vectors = !object.is_table() && object.collection.dimension > 0;
  const auto id = object.id;
  const auto dimension = static_cast<std::size_t>(object.collection.dimension);
  const auto metric = object.collection.metric;
  state.catalog.publish(std::move(object));
  if (vectors) state.vectors.open(connection, id, "$vector", dimension, metric);
}

void drop_object(EngineState& state, const SchemaObject& object) {
  auto lease = state.database.writer();
  Connection& connection = lease.connection();
  Transaction transaction(connection, true);
  for (const auto& index : object.table.indexes)
    if (index.text) TextIndex(object.storage_table(), index).drop(connection);
  connection.exec("DROP TABLE IF EXISTS " + quote_identifier(object.storage_table()));
  state.catalog.remove(connection, object.id);
  transaction.commit();
  state.catalog.forget(object.keyspace, object.name);
  state.vectors.drop_all(object.id);
}

CommandResult create_table(EngineState& state, const Command& command) {
  require_known_fields(command.body, {"name", "definition", "options"}, "createTable");
  const json& options = object_field(command.body, "options");
  require_known_fields(options, {"ifNotExists"}, "createTable options");
  SchemaObject object;
  object.keyspace = command.keyspace;
  object.name = new_schema_name(command.body, "table");
  object.table = parse_table_definition(object_field(command.body, "definition"));
  for (const auto& [column, type] : object.table.columns)
    if (type.is_vectorize()) state.vectorize.check_service(column, type.dimension);
  if (state.catalog.find(command.keyspace, object.name)) {
    if (bool_option(options, "ifNotExists")) return ok();
    fail("SCHEMA", "CANNOT_ADD_EXISTING_TABLE", "The command attempted to add the existing table: " + object.name + ".");
  }
  const TableDef table = object.table;
  create_object(state, std::move(object), "", &table);
  return ok();
}

CommandResult drop_table(EngineState& state, const Command& command) {
  require_known_fields(command.body, {"name", "options"}, "dropTable");
  const json& options = object_field(command.body, "options");
  require_known_fields(options, {"ifExists"}, "dropTable options");
  const std::string name = required_name(command.body);
  const auto object = state.catalog.find(command.keyspace, name);
  if (!object || !object->is_table()) {
    if (bool_option(options, "ifExists")) return ok();
    fail("SCHEMA", "CANNOT_DROP_UNKNOWN_TABLE", "The command attempted to drop the unknown table: " + name + ".");
  }
  drop_object(state, *object);
  return ok();
}

CommandResult list_objects(EngineState& state, const Command& command, bool tables) {
  require_known_fields(command.body, {"options"}, command.name);
  const json& options = object_field(command.body, "options");
  require_known_fields(options, {"explain"}, command.name + " options");
  const bool explain = bool_option(options, "explain");
  json listed = json::array();
  for (const auto& object : state.catalog.list(command.keyspace)) {
    if (object->is_table() != tables) continue;
    if (!explain) listed.push_back(object->name);
    else if (tables) listed.push_back(describe_table(object->name, object->table));
    else listed.push_back({{"name", object->name}, {"options", json::parse(object->collection.options_json)}});
  }
  CommandResult result;
  result.status[tables ? "tables" : "collections"] = listed;
  return result;
}

CommandResult create_collection(EngineState& state, const Command& command) {
  require_known_fields(command.body, {"name", "options"}, "createCollection");
  SchemaObject object;
  object.keyspace = command.keyspace;
  object.name = new_schema_name(command.body, "collection");
  object.kind = SchemaObject::Kind::Collection;
  object.collection = parse_collection_options(object_field(command.body, "options"));
  if (has_vectorize_service(object))
    state.vectorize.check_service("$vector", object.collection.dimension);
  if (const auto existing = state.catalog.find(command.keyspace, object.name)) {
    if (existing->is_table())
      fail("SCHEMA", "EXISTING_TABLE_NOT_DATA_API_COLLECTION",
           "Attempt to create new collection failed: table '" + object.name + "' already exists and it is not a valid Data API collection.");
    if (existing->collection.options_json == object.collection.options_json) return ok();
    fail("SCHEMA", "EXISTING_COLLECTION_DIFFERENT_SETTINGS",
         "Collection '" + object.name + "' already exists but with settings different from ones passed with 'createCollection' command.");
  }
  create_object(state, std::move(object), " (id TEXT PRIMARY KEY, doc TEXT NOT NULL, vec BLOB)", nullptr);
  return ok();
}

CommandResult delete_collection(EngineState& state, const Command& command) {
  require_known_fields(command.body, {"name"}, "deleteCollection");
  const auto object = state.catalog.find(command.keyspace, required_name(command.body));
  if (object && !object->is_table()) drop_object(state, *object);
  return ok();
}

CommandResult drop_index(EngineState& state, const Command& command) {
  require_known_fields(command.body, {"name", "options"}, "dropIndex");
  const json& options = object_field(command.body, "options");
  require_known_fields(options, {"ifExists"}, "dropIndex options");
  const std::string name = required_name(command.body);
  auto lease = state.database.writer();
  Connection& connection = lease.connection();
  for (const auto& object : state.catalog.list(command.keyspace)) {
    if (!object->is_table()) continue;
    SchemaObject changed = *object;
    auto& indexes = changed.table.indexes;
    for (auto it = indexes.begin(); it != indexes.end(); ++it) {
      if (it->name != name) continue;
      const IndexDef dropped = *it;
      indexes.erase(it);
      Transaction transaction(connection, true);
      if (dropped.text) TextIndex(object->storage_table(), dropped).drop(connection);
      else if (!dropped.vector)
        connection.exec("DROP INDEX IF EXISTS " + quote_identifier(object->storage_table() + "_" + name));
      state.catalog.update(connection, changed);
      transaction.commit();
      state.catalog.publish(std::move(changed));
      if (dropped.vector) state.vectors.drop(object->id, dropped.column);
      return ok();
    }
  }
  if (bool_option(options, "ifExists")) return ok();
  fail("SCHEMA", "CANNOT_DROP_UNKNOWN_INDEX", "The command attempted to drop the unknown index: " + name + ".");
}

using Handler = CommandResult (*)(EngineState&, const Command&);

const std::map<std::string, Handler>& handlers() {
  static const std::map<std::string, Handler> table = {
      {"createTable", create_table},
      {"dropTable", drop_table},
      {"listTables", [](EngineState& s, const Command& c) { return list_objects(s, c, true); }},
      {"createCollection", create_collection},
      {"findCollections", [](EngineState& s, const Command& c) { return list_objects(s, c, false); }},
      {"deleteCollection", delete_collection},
      {"dropIndex", drop_index},
  };
  return table;
}

}  // namespace

bool is_keyspace_command(const std::string& name) { return handlers().count(name) > 0; }

CommandResult run_keyspace_command(EngineState& state, const Command& command) {
  return handlers().at(command.name)(state, command);
}

}  // namespace killrvideo::host::embedded
