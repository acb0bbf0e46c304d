#include "data/embedded/TableIndexCommands.h"

#include <functional>
#include <set>

#include <nlohmann/json.hpp>

#include "data/embedded/CommandBody.h"
#include "data/embedded/TextIndex.h"

namespace killrvideo::host::embedded {

namespace {

using json = nlohmann::ordered_json;

struct IndexRequest {
  std::string name;
  std::string column;
  json options;  // definition.options
  bool if_not_exists = false;
};

std::string column_of(const json& definition) {
  const auto column = definition.find("column");
  if (column != definition.end() && column->is_string()) return column->get<std::string>();
  // Map component indexes: {"m": "$keys"} / {"m": "$values"} index the map column itself here.
  if (column != definition.end() && column->is_object() && column->size() == 1 && column->begin().value().is_string())
    return column->begin().key();
  fail("SCHEMA", "INVALID_FORMAT_FOR_INDEX_CREATION_COLUMN", "Command has an invalid format for index creation column.");
}

IndexRequest read_request(const Command& command, const SchemaObject& table) {
  require_known_fields(command.body, {"name", "definition", "options", "indexType"}, command.name);
  const json& options = object_field(command.body, "options");
  require_known_fields(options, {"ifNotExists"}, command.name + " options");
  const json& definition = object_field(command.body, "definition");
  require_known_fields(definition, {"column", "options"}, command.name + " definition");
  IndexRequest request;
  const auto name = command.body.find("name");
  if (name == command.body.end() || !name->is_string() || !is_valid_name(name->get<std::string>()))
    fail("SCHEMA", "UNSUPPORTED_SCHEMA_NAME", "The command used an unsupported index name.");
  request.name = name->get<std::string>();
  request.column = column_of(definition);
  request.options = object_field(definition, "options");
  request.if_not_exists = bool_option(options, "ifNotExists");
  if (!table.table.columns.count(request.column))
    fail("SCHEMA", "UNKNOWN_INDEX_COLUMN", "The command attempted to index the unknown columns: " + request.column + ".");
  return request;
}

// Index names are unique per keyspace, as in Cassandra.
bool index_name_taken(EngineState& state, const std::string& keyspace, const std::string& name) {
  for (const auto& object : state.catalog.list(keyspace))
    if (object->is_table())
      for (const auto& index : object->table.indexes)
        if (index.name == name) return true;
  return false;
}

CommandResult ok() {
  CommandResult result;
  result.status["ok"] = 1;
  return result;
}

// Adds `index` to the table's catalog entry, running `create_storage` in the same transaction.
void add_index(EngineState& state, const SchemaObject& table, const IndexDef& index,
               const std::function<void(Connection&)>& create_storage) {
  auto lease = state.database.writer();
  Connection& connection = lease.connection();
  const auto current = state.catalog.find(table.keyspace, table.name);
  if (!current) fail("SCHEMA", "UNKNOWN_COLLECTION_OR_TABLE", "The table " + table.name + " no longer exists.");
  SchemaObject changed = *current;
  changed.table.indexes.push_back(index);
  Transaction transaction(connection, true);
  create_storage(connection);
  state.catalog.update(connection, changed);
  transaction.commit();
  state.catalog.publish(std::move(changed));
}

json regular_index_options(const ColumnType& type, const json& requested) {
  require_known_fields(requested, {"caseSensitive", "normalize", "ascii"}, "createIndex definition.options");
  const bool text = type.name == "text" || type.name == "ascii";
  if (!text && !requested.empty())
    fail("SCHEMA", "UNSUPPORTED_TEXT_ANALYSIS_FOR_DATA_TYPES",
         "Text analysis options can only be used on text and ascii columns.");
  if (!text) return json::object();
  return {{"caseSensitive", requested.value("caseSensitive", true)},
          {"normalize", requested.value("normalize", false)},
          {"ascii", requested.value("ascii", false)}};
}

CommandResult create_index(EngineState& state, const Command& command, const SchemaObject& table) {
  const IndexRequest request = read_request(command, table);
  if (index_name_taken(state, table.keyspace, request.name)) {
    if (request.if_not_exists) return ok();
    fail("SCHEMA", "CANNOT_ADD_EXISTING_INDEX", "The command attempted to add the existing index: " + request.name + ".");
  }
  const ColumnType& type = table.table.columns.at(request.column);
  if (type.is_vector())
    fail("SCHEMA", "UNSUPPORTED_INDEXING_FOR_DATA_TYPES",
         "The command attempted to index the unsupported columns: " + request.column + " (use createVectorIndex).");
  IndexDef index{request.name, request.column, false, VectorMetric::Cosine, "",
                 regular_index_options(type, request.options).dump()};
  const std::string create_sql = "CREATE INDEX " + quote_identifier(table.storage_table() + "_" + request.name) +
                                 " ON " + quote_identifier(table.storage_table()) + " (" +
                                 quote_identifier(request.column) + ")";
  add_index(state, table, index, [&create_sql](Connection& connection) { connection.exec(create_sql); });
  return ok();
}

const std::set<std::string>& source_models() {
  static const std::set<std::string> models = {"ada002", "bert", "cohere-v3", "gecko", "nv-qa-4",
                                               "openai-v3-large", "openai-v3-small", "other"};
  return models;
}

IndexDef vector_index_def(const IndexRequest& request) {
  require_known_fields(request.options, {"metric", "sourceModel"}, "createVectorIndex definition.options");
  IndexDef index{request.name, request.column, true, VectorMetric::Cosine, "other", "{}"};
  if (const auto model = string_option(request.options, "sourceModel")) index.source_model = *model;
  if (!source_models().count(index.source_model))
    fail("SCHEMA", "UNKNOWN_VECTOR_SOURCE_MODEL",
         "The command attempted to use the source model: " + index.source_model + ".");
  // Without a metric it follows the model: dot_product for the named models, cosine for "other".
  const std::string metric = string_option(request.options, "metric")
                                 .value_or(index.source_model == "other" ? "cosine" : "dot_product");
  if (!parse_vector_metric(metric, index.metric))
    fail("SCHEMA", "UNKNOWN_VECTOR_METRIC", "The command attempted to use the metric: " + metric + ".");
  index.options_json = json{{"metric", metric}, {"sourceModel", index.source_model}}.dump();
  return index;
}

CommandResult create_vector_index(EngineState& state, const Command& command, const SchemaObject& table) {
  const IndexRequest request = read_request(command, table);
  if (index_name_taken(state, table.keyspace, request.name) || table.table.vector_index_on(request.column)) {
    if (request.if_not_exists) return ok();
    fail("SCHEMA", "CANNOT_ADD_EXISTING_INDEX", "The command attempted to add the existing index: " + request.name + ".");
  }
  const ColumnType& type = table.table.columns.at(request.column);
  if (!type.is_vector())
    fail("SCHEMA", "UNSUPPORTED_VECTOR_INDEX_FOR_DATA_TYPES",
         "The command attempted to vector index the unsupported columns: " + request.column + ".");
  const IndexDef index = vector_index_def(request);
  add_index(state, table, index, [](Connection&) {});
  auto lease = state.database.writer();
  state.vectors.open(lease.connection(), table.id, index.column, static_cast<std::size_t>(type.dimension), index.metric);
  return ok();
}

// The analyzer is a name here; the Data API's object form (a custom Lucene tokenizer and filters) is not.
std::string text_analyzer(const json& options) {
  require_known_fields(options, {"analyzer"}, "createTextIndex definition.options");
  const auto analyzer = options.find("analyzer");
  if (analyzer == options.end() || analyzer->is_null()) return "standard";
  if (!analyzer->is_string())
    fail("SCHEMA", "INVALID_TEXT_INDEX_ANALYZER",
         "The command used an analyzer object; this local server implements only the named analyzers \"standard\" "
         "and \"english\".");
  const std::string name = analyzer->get<std::string>();
  TextIndex::tokenizer_for(name);
  return name;
}

// Text indexes (data-api-wire §4.5): {"name","definition":{"column","options":{"analyzer"}},"options"}.
// The analyzer sits in definition.options, as the Data API and its clients send it.
CommandResult create_text_index(EngineState& state, const Command& command, const SchemaObject& table) {
  if (object_field(command.body, "definition").contains("analyzer"))
    fail("", "COMMAND_FIELD_UNKNOWN", "Command field 'analyzer' not recognized in createTextIndex definition: the "
                                      "analyzer goes in definition.options.analyzer.");
  const IndexRequest request = read_request(command, table);
  if (index_name_taken(state, table.keyspace, request.name) || table.table.text_index_on(request.column)) {
    if (request.if_not_exists) return ok();
    fail("SCHEMA", "CANNOT_ADD_EXISTING_INDEX", "The command attempted to add the existing index: " + request.name + ".");
  }
  const ColumnType& type = table.table.columns.at(request.column);
  if (type.name != "text" && type.name != "ascii")
    fail("SCHEMA", "UNSUPPORTED_TEXT_INDEX_FOR_DATA_TYPES",
         "Text indexes are supported on text and ascii columns only; the command attempted to text index the " +
             type.name + " column: " + request.column + ".");
  IndexDef index{request.name, request.column, false, VectorMetric::Cosine, "",
                 json{{"analyzer", text_analyzer(request.options)}}.dump()};
  index.text = true;
  const TextIndex text_index(table.storage_table(), index);
  add_index(state, table, index, [&text_index](Connection& connection) { text_index.create(connection); });
  return ok();
}

CommandResult list_indexes(EngineState& state, const Command& command, const SchemaObject& table) {
  require_known_fields(command.body, {"options"}, "listIndexes");
  const json& options = object_field(command.body, "options");
  require_known_fields(options, {"explain"}, "listIndexes options");
  const bool explain = bool_option(options, "explain");
  json indexes = json::array();
  for (const auto& index : table.table.indexes) {
    if (!explain) {
      indexes.push_back(index.name);
      continue;
    }
    indexes.push_back({{"name", index.name},
                       {"definition", {{"column", index.column}, {"options", json::parse(index.options_json)}}},
                       {"indexType", index.vector ? "vector" : index.text ? "text" : "regular"}});
  }
  CommandResult result;
  result.status["indexes"] = indexes;
  return result;
}

}  // namespace

bool is_table_index_command(const std::string& name) {
  return name == "createIndex" || name == "createVectorIndex" || name == "createTextIndex" || name == "listIndexes";
}

CommandResult run_table_index_command(EngineState& state, const Command& command, const SchemaObject& table) {
  if (command.name == "createIndex") return create_index(state, command, table);
  if (command.name == "createVectorIndex") return create_vector_index(state, command, table);
  if (command.name == "createTextIndex") return create_text_index(state, command, table);
  return list_indexes(state, command, table);
}

}  // namespace killrvideo::host::embedded
