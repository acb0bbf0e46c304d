#pragma once
// Writes rows of one table inside the caller's write transaction, and remembers what the vector
// indexes must learn once it commits.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "data/embedded/EngineState.h"
#include "data/embedded/SchemaObject.h"
#include "data/embedded/Sqlite.h"

namespace killrvideo::host::embedded {

using RowValues = std::map<std::string, SqlValue>;  // column → encoded value (SQL NULL clears)

class TableRowWriter {
 public:
  TableRowWriter(Connection& writer, const SchemaObject& table) : writer_(writer), table_(table) {}

  // INSERT … ON CONFLICT DO UPDATE of exactly the given columns: absent columns keep their values.
  void upsert(const RowValues& row);
  // The stored value of `column` in the row with this primary key, if the row exists.
  std::optional<SqlValue> current_value(const RowValues& key, const std::string& column);
  bool exists(const RowValues& key);
  // DELETE … WHERE `where`; every deleted row leaves the vector indexes.
  void remove(const std::string& where, const std::vector<SqlValue>& params);
  // Bumps the table's stamp; then, after the caller committed, apply_to_indexes().
  void finish() { Catalog::bump_stamp(writer_, table_.id); }
  void apply_to_indexes(VectorIndexSet& vectors) const;

 private:
  struct VectorChange {
    std::string column;
    std::int64_t rowid;
    std::optional<std::vector<float>> vector;  // nullopt: remove
  };
  std::string key_condition(const RowValues& key, std::vector<SqlValue>& params) const;

  Connection& writer_;
  const SchemaObject& table_;
  std::vector<VectorChange> changes_;
};

}  // namespace killrvideo::host::embedded
