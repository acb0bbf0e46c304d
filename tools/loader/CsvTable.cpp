#include "tools/loader/CsvTable.h"

#include <stdexcept>

namespace killrvideo::loader {

CsvTable::CsvTable(std::istream& input) : reader_(input) {
  auto header = reader_.next();
  if (!header) throw std::runtime_error("no header line");
  if (!header->error.empty()) throw std::runtime_error("header line: " + header->error);
  columns_ = std::move(header->fields);
}

std::optional<CsvRow> CsvTable::next() {
  auto record = reader_.next();
  if (!record) return std::nullopt;
  CsvRow row;
  row.line = record->line;
  if (!record->error.empty()) {
    row.error = std::move(record->error);
  } else if (record->fields.size() != columns_.size()) {
    row.error = "expected " + std::to_string(columns_.size()) + " fields, found " +
                std::to_string(record->fields.size());
  } else {
    for (std::size_t i = 0; i < columns_.size(); ++i) row.values.emplace(columns_[i], std::move(record->fields[i]));
  }
  return row;
}

}  // namespace killrvideo::loader
