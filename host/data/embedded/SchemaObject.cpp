#include "data/embedded/SchemaObject.h"

#include <algorithm>

namespace killrvideo::host::embedded {

std::vector<std::string> TableDef::primary_key() const {
  std::vector<std::string> columns = partition_by;
  for (const auto& [column, direction] : partition_sort) columns.push_back(column);
  return columns;
}

bool TableDef::is_primary_key(const std::string& column) const {
  const auto key = primary_key();
  return std::find(key.begin(), key.end(), column) != key.end();
}

bool TableDef::is_partition_column(const std::string& column) const {
  return std::find(partition_by.begin(), partition_by.end(), column) != partition_by.end();
}

const IndexDef* TableDef::regular_index_on(const std::string& column) const {
  for (const auto& index : indexes)
    if (!index.vector && !index.text && index.column == column) return &index;
  return nullptr;
}

const IndexDef* TableDef::vector_index_on(const std::string& column) const {
  for (const auto& index : indexes)
    if (index.vector && index.column == column) return &index;
  return nullptr;
}

const IndexDef* TableDef::text_index_on(const std::string& column) const {
  for (const auto& index : indexes)
    if (index.text && index.column == column) return &index;
  return nullptr;
}

}  // namespace killrvideo::host::embedded
