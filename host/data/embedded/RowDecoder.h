#pragma once
// Reading table rows out of SQLite into wire documents (nulls and empty collections omitted).

#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "data/embedded/SchemaObject.h"
#include "data/embedded/Sqlite.h"
#include "data/embedded/TypeCodec.h"

namespace killrvideo::host::embedded {

// "rowid, "a", "b"…" for a SELECT of these columns (rowid first, at index 0).
std::string select_list(const std::vector<std::string>& columns);
// Reads the documents of a statement selected with select_list(columns), that list starting at result
// column `rowid_column`. The columns' types are looked up once, for every row the read returns.
class RowDecoder {
 public:
  RowDecoder(const TableDef& table, const std::vector<std::string>& columns);
  // The current row's document.
  nlohmann::ordered_json read(const Statement& row, int rowid_column = 0) const;

 private:
  struct Column {
    const std::string* name;
    const ColumnType* type;
    ValueDecoding decoding;
  };
  std::vector<Column> columns_;
};

}  // namespace killrvideo::host::embedded
