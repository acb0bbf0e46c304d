#include "data/embedded/TableUpdate.h"

#include <map>
#include <set>

#include "data/embedded/ApiError.h"
#include "data/embedded/TypeCodec.h"

namespace killrvideo::host::embedded {

namespace {

using json = nlohmann::ordered_json;

const std::set<std::string>& table_operators() {
  static const std::set<std::string> operators = {"$set", "$unset", "$push", "$pullAll"};
  return operators;
}

[[noreturn]] void invalid_value(const std::string& column, const std::string& why) {
  fail("UPDATE", "INVALID_UPDATE_COLUMN_VALUES", "The update included invalid values for the columns: " + column + " (" + why + ").");
}

void check_column(const TableDef& table, const std::string& op, const std::string& column, std::set<std::string>& seen) {
  const auto type = table.columns.find(column);
  if (type == table.columns.end())
    fail("UPDATE", "UNKNOWN_TABLE_COLUMNS", "The update included the following unknown columns: " + column + ".");
  if (table.is_primary_key(column))
    fail("UPDATE", "UNSUPPORTED_UPDATE_FOR_PRIMARY_KEY_COLUMNS", "The update included the following primary keys: " + column + ".");
  if (!seen.insert(column).second)
    fail("UPDATE", "UNSUPPORTED_OVERLAPPING_UPDATE_OPERATIONS", "Multiple assignments attempted to change the columns: " + column + ".");
  if ((op == "$push" || op == "$pullAll") && !type->second.is_container())
    fail("UPDATE", "UNSUPPORTED_UPDATE_OPERATOR",
         "The command used the update operator: " + op + ". The operation was not supported by the columns: " + column + ".");
}

// The stored container as [key, value] entries (maps) or elements (lists, sets).
json stored_elements(const ColumnType& type, const std::optional<SqlValue>& current) {
  if (!current || std::holds_alternative<std::monostate>(*current)) return json::array();
  const json stored = decode_value(type, *current);
  if (type.name != "map" || stored.is_array()) return stored;
  json entries = json::array();
  for (const auto& [key, value] : stored.items()) entries.push_back({key, value});
  return entries;
}

// $push operand → the elements (or [key, value] entries) to add.
json pushed_elements(const ColumnType& type, const json& operand) {
  const bool each = operand.is_object() && operand.size() == 1 && operand.contains("$each");
  const json items = each ? operand["$each"] : json::array({operand});
  if (!items.is_array()) throw std::invalid_argument("$each needs an array");
  if (type.name != "map") return items;
  json entries = json::array();
  for (const auto& item : items) {
    if (item.is_array() && item.size() == 2) entries.push_back(item);
    else if (item.is_object()) for (const auto& [key, value] : item.items()) entries.push_back({key, value});
    else throw std::invalid_argument("map entries are {\"key\": value} or [key, value]");
  }
  return entries;
}

json push(const ColumnType& type, json elements, const json& added) {
  if (type.name != "map") {
    for (const auto& element : added) elements.push_back(element);
    return elements;
  }
  std::map<json, json> entries;  // canonical key → value; a pushed key replaces the stored one
  for (const auto& entry : elements) entries[canonical_element(type.key_type, entry[0])] = entry[1];
  for (const auto& entry : added) entries[canonical_element(type.key_type, entry[0])] = entry[1];
  json merged = json::array();
  for (const auto& [key, value] : entries) merged.push_back({key, value});
  return merged;
}

json pull_all(const ColumnType& type, const json& elements, const json& removed) {
  if (!removed.is_array()) throw std::invalid_argument("$pullAll needs an array");
  std::set<json> doomed;
  for (const auto& value : removed)
    doomed.insert(canonical_element(type.name == "map" ? type.key_type : type.value_type, value));
  json kept = json::array();
  for (const auto& element : elements)
    if (!doomed.count(type.name == "map" ? canonical_element(type.key_type, element[0]) : element)) kept.push_back(element);
  return kept;
}

}  // namespace

std::vector<ColumnUpdate> parse_table_update(const TableDef& table, const json& update) {
  std::vector<ColumnUpdate> updates;
  std::set<std::string> seen;
  for (const auto& [op, columns] : update.items()) {
    if (!table_operators().count(op))
      fail("UPDATE", "UNSUPPORTED_UPDATE_OPERATIONS_FOR_TABLE",
           "API tables support the update operations: $set, $unset, $push, $pullAll.\nThe update included the "
           "unsupported operations: " + op + ".");
    if (!columns.is_object())
      fail("", "REQUEST_STRUCTURE_MISMATCH", "Request is valid JSON but has a structural mismatch: " + op + " needs an object.");
    for (const auto& [column, operand] : columns.items()) {
      check_column(table, op, column, seen);
      updates.push_back({column, op, operand});
    }
  }
  if (updates.empty())
    fail("UPDATE", "MISSING_UPDATE_OPERATIONS",
         "The command did not include any non empty update operations. Supported update operations are $set, $unset, $push, $pullAll.");
  return updates;
}

SqlValue apply_column_update(const TableDef& table, const ColumnUpdate& update, const std::optional<SqlValue>& current) {
  const ColumnType& type = table.columns.at(update.column);
  try {
    if (update.op == "$unset") return std::monostate{};
    if (update.op == "$set") return encode_value(type, update.operand);
    const json elements = stored_elements(type, current);
    if (update.op == "$push") return encode_value(type, push(type, elements, pushed_elements(type, update.operand)));
    return encode_value(type, pull_all(type, elements, update.operand));
  } catch (const std::invalid_argument& error) {
    invalid_value(update.column, error.what());
  }
}

}  // namespace killrvideo::host::embedded
