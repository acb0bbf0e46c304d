#include "data/embedded/TableWrites.h"

#include <nlohmann/json.hpp>

#include "data/embedded/CommandBody.h"
#include "data/embedded/TableKeyFilter.h"
#include "data/embedded/TableRowWriter.h"
#include "data/embedded/TableUpdate.h"
#include "data/embedded/TypeCodec.h"
#include "data/embedded/VectorCodec.h"

namespace killrvideo::host::embedded {

namespace {

using json = nlohmann::ordered_json;


std::string join(const std::vector<std::string>& names) {
  std::string text;
  for (const auto& name : names) text += (text.empty() ? "" : ", ") + name;
  return text;
}

std::string table_name(const SchemaObject& table) { return table.keyspace + "." + table.name; }

void check_columns(const SchemaObject& table, const json& document) {
  std::vector<std::string> unknown, missing;
  for (const auto& [column, value] : document.items())
    if (!table.table.columns.count(column)) unknown.push_back(column);
  if (!unknown.empty())
    fail("DOCUMENT", "UNKNOWN_TABLE_COLUMNS", "The table " + table_name(table) +
                                                  " does not define the columns included in the document: " + join(unknown) + ".");
  for (const auto& column : table.table.primary_key())
    if (!document.contains(column) || document[column].is_null()) missing.push_back(column);
  if (!missing.empty())
    fail("DOCUMENT", "MISSING_PRIMARY_KEY_COLUMNS", "The table " + table_name(table) + " defines the primary key columns: " +
                                                        join(table.table.primary_key()) +
                                                        ".\nThe command did not include values for primary key columns: " +
                                                        join(missing) + ".");
}

// The document as encoded column values; every invalid column is named in one INVALID_COLUMN_VALUES.
RowValues encode_document(const SchemaObject& table, const json& document) {
  if (!document.is_object())
    fail("", "REQUEST_STRUCTURE_MISMATCH", "Request is valid JSON but has a structural mismatch: documents must be objects.");
  check_columns(table, document);
  RowValues row;
  std::string problems;
  for (const auto& [column, value] : document.items()) {
    try {
      row[column] = encode_value(table.table.columns.at(column), value);
    } catch (const VectorizeRequested&) {
      fail("DOCUMENT", "UNSUPPORTED_VECTORIZE_WHEN_MISSING_VECTORIZE_DEFINITION",
           "The command included the following vector columns without vectorize definition: " + column + ".");
    } catch (const std::invalid_argument& error) {
      problems += (problems.empty() ? "" : "; ") + column + ": " + error.what();
    }
  }
  if (!problems.empty())
    fail("DOCUMENT", "INVALID_COLUMN_VALUES", "The table " + table_name(table) +
                                                  " received invalid values for the columns: " + problems + ".");
  return row;
}

json primary_key_values(const TableDef& table, const RowValues& row) {
  json values = json::array();
  for (const auto& column : table.primary_key()) values.push_back(decode_value(table.columns.at(column), row.at(column)));
  return values;
}

json primary_key_schema(const TableDef& table) {
  json schema = json::object();
  for (const auto& column : table.primary_key()) schema[column] = column_schema(table.columns.at(column));
  return schema;
}

}  // namespace

CommandResult table_insert(EngineState& state, const Command& command, const SchemaObject& table) {
  bool ordered = false, responses = false;
  // Embedded before the write lock is taken: a remote provider may take seconds.
  const json documents = state.vectorize.table_rows(table.table, insert_documents(command, ordered, responses));
  CommandResult result;
  json inserted = json::array(), document_responses = json::array();
  auto lease = state.database.writer();
  Transaction transaction(lease.connection(), true);
  TableRowWriter writer(lease.connection(), table);
  bool stopped = false;
  for (const auto& document : documents) {
    if (stopped) {
      document_responses.push_back({{"status", "SKIPPED"}});
      continue;
    }
    try {
      const RowValues row = encode_document(table, document);
      writer.upsert(row);
      inserted.push_back(primary_key_values(table.table, row));
      document_responses.push_back({{"_id", inserted.back()}, {"status", "OK"}});
    } catch (const CommandFailure& failure) {
      document_responses.push_back({{"status", "ERROR"}, {"errorsIdx", result.errors.size()}});
      result.errors.push_back(failure.error());
      stopped = ordered;
    }
  }
  writer.finish();
  transaction.commit();
  writer.apply_to_indexes(state.vectors);
  result.status["primaryKeySchema"] = primary_key_schema(table.table);
  result.status[responses ? "documentResponses" : "insertedIds"] = responses ? document_responses : inserted;
  return result;
}

CommandResult table_update_one(EngineState& state, const Command& command, const SchemaObject& table) {
  require_known_fields(command.body, {"filter", "update", "sort", "options"}, "updateOne");
  require_known_fields(object_field(command.body, "options"), {"upsert"}, "updateOne options");
  if (!object_field(command.body, "sort").empty())
    fail("SORT", "UNSUPPORTED_SORT_FOR_TABLE_UPDATE_COMMAND", "The command attempted to sort a update command running against a table.");
  const RowValues key = full_primary_key(table.table, object_field(command.body, "filter"));
  const auto updates =
      parse_table_update(table.table, state.vectorize.table_update(table.table, object_field(command.body, "update")));
  auto lease = state.database.writer();
  Transaction transaction(lease.connection(), true);
  TableRowWriter writer(lease.connection(), table);
  RowValues row = key;
  bool sets_a_value = false;
  for (const auto& update : updates) {
    const bool needs_current = update.op == "$push" || update.op == "$pullAll";
    row[update.column] = apply_column_update(table.table, update,
                                             needs_current ? writer.current_value(key, update.column) : std::nullopt);
    sets_a_value = sets_a_value || !std::holds_alternative<std::monostate>(row[update.column]);
  }
  // Like a CQL UPDATE, only setting nulls does not bring a missing row into existence.
  if (sets_a_value || writer.exists(key)) writer.upsert(row);
  writer.finish();
  transaction.commit();
  writer.apply_to_indexes(state.vectors);
  CommandResult result;
  result.status = {{"matchedCount", 1}, {"modifiedCount", 1}};
  return result;
}

CommandResult table_delete(EngineState& state, const Command& command, const SchemaObject& table) {
  const bool one = command.name == "deleteOne";
  require_known_fields(command.body, {"filter", "sort"}, command.name);
  if (!object_field(command.body, "sort").empty())
    fail("SORT", "UNSUPPORTED_SORT_FOR_TABLE_DELETE_COMMAND", "The command attempted to sort a delete command running against a table.");
  const json& filter = object_field(command.body, "filter");
  std::string where = "1";
  std::vector<SqlValue> params;
  if (one) {
    for (const auto& [column, value] : full_primary_key(table.table, filter)) {
      where += " AND " + quote_identifier(column) + " = ?";
      params.push_back(value);
    }
  } else if (!filter.empty()) {
    CompiledFilter compiled = partition_range(table.table, filter);
    where = compiled.where;
    params = std::move(compiled.params);
  }
  auto lease = state.database.writer();
  Transaction transaction(lease.connection(), true);
  TableRowWriter writer(lease.connection(), table);
  writer.remove(where, params);
  writer.finish();
  transaction.commit();
  writer.apply_to_indexes(state.vectors);
  CommandResult result;
  result.status["deletedCount"] = -1;
  return result;
}

}  // namespace killrvideo::host::embedded
