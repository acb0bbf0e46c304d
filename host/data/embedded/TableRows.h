#pragma once
// Reading table rows out of SQLite into wire documents (nulls and empty collections omitted).

#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "data/embedded/SchemaObject.h"
#include "data/embedded/Sqlite.h"

namespace killrvideo::host::embedded {

// "rowid, "a", "b"…" for a SELECT of these columns (rowid first, at index 0).
std::string select_list(const std::vector<std::string>& columns);
// The document for the current row of a statement selected with select_list(columns), that list starting
// at result column `rowid_column`.
nlohmann::ordered_json read_row(const TableDef& table, const std::vector<std::string>& columns, const Statement& row,
                                int rowid_column = 0);

}  // namespace killrvideo::host::embedded
