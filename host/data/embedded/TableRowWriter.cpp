#include "data/embedded/TableRowWriter.h"

#include "data/embedded/VectorCodec.h"

namespace killrvideo::host::embedded {

void TableRowWriter::upsert(const RowValues& row) {
  std::string columns, placeholders, updates, conflict;
  std::vector<SqlValue> params;
  for (const auto& [column, value] : row) {
    columns += (columns.empty() ? "" : ", ") + quote_identifier(column);
    placeholders += placeholders.empty() ? "?" : ", ?";
    params.push_back(value);
    if (!table_.table.is_primary_key(column))
      updates += (updates.empty() ? "" : ", ") + quote_identifier(column) + " = excluded." + quote_identifier(column);
  }
  for (const auto& column : table_.table.primary_key()) conflict += (conflict.empty() ? "" : ", ") + quote_identifier(column);
  auto statement = writer_.prepare("INSERT INTO " + quote_identifier(table_.storage_table()) + " (" + columns +
                                   ") VALUES (" + placeholders + ") ON CONFLICT (" + conflict + ") DO " +
                                   (updates.empty() ? "NOTHING" : "UPDATE SET " + updates) + " RETURNING rowid");
  statement.bind_all(params);
  if (!statement.step()) return;  // an existing key-only row: nothing changed
  const std::int64_t rowid = statement.column_int(0);
  while (statement.step()) {}
  for (const auto& [column, value] : row) {
    if (!table_.table.vector_index_on(column)) continue;
    if (const auto* blob = std::get_if<Blob>(&value)) changes_.push_back({column, rowid, vector_from_bytes(blob->bytes)});
    else changes_.push_back({column, rowid, std::nullopt});
  }
}

std::string TableRowWriter::key_condition(const RowValues& key, std::vector<SqlValue>& params) const {
  std::string condition;
  for (const auto& column : table_.table.primary_key()) {
    condition += (condition.empty() ? "" : " AND ") + quote_identifier(column) + " = ?";
    params.push_back(key.at(column));
  }
  return condition;
}

std::optional<SqlValue> TableRowWriter::current_value(const RowValues& key, const std::string& column) {
  std::vector<SqlValue> params;
  const std::string condition = key_condition(key, params);
  auto query = writer_.prepare("SELECT " + quote_identifier(column) + " FROM " +
                               quote_identifier(table_.storage_table()) + " WHERE " + condition);
  query.bind_all(params);
  if (!query.step()) return std::nullopt;
  return query.column(0);
}

bool TableRowWriter::exists(const RowValues& key) {
  std::vector<SqlValue> params;
  const std::string condition = key_condition(key, params);
  auto query = writer_.prepare("SELECT 1 FROM " + quote_identifier(table_.storage_table()) + " WHERE " + condition);
  query.bind_all(params);
  return query.step();
}

void TableRowWriter::remove(const std::string& where, const std::vector<SqlValue>& params) {
  auto statement = writer_.prepare("DELETE FROM " + quote_identifier(table_.storage_table()) + " WHERE " + where +
                                   " RETURNING rowid");
  statement.bind_all(params);
  while (statement.step())
    for (const auto& index : table_.table.indexes)
      if (index.vector) changes_.push_back({index.column, statement.column_int(0), std::nullopt});
}

void TableRowWriter::apply_to_indexes(VectorIndexSet& vectors) const {
  for (const auto& change : changes_)
    vectors.put(table_.id, change.column, change.rowid, change.vector ? &*change.vector : nullptr);
}

}  // namespace killrvideo::host::embedded
