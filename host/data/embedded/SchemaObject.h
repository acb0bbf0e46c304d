#pragma once
// What the catalog knows about one table or collection. Immutable once published: commands hold a
// shared_ptr to the version they started with while DDL publishes a new one.

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "data/embedded/ColumnType.h"
#include "data/embedded/VectorIndex.h"

namespace killrvideo::host::embedded {

struct IndexDef {
  std::string name;
  std::string column;
  bool vector = false;
  VectorMetric metric = VectorMetric::Cosine;  // vector indexes
  std::string source_model;                    // vector indexes
  std::string options_json;                    // as listIndexes explains them (text indexes: the analyzer)
  bool text = false;                           // a text index (createTextIndex), for $match and lexical sorts
};

struct TableDef {
  std::map<std::string, ColumnType> columns;
  std::vector<std::string> partition_by;
  std::vector<std::pair<std::string, int>> partition_sort;  // column, 1 ASC / -1 DESC, in key order
  std::vector<IndexDef> indexes;

  std::vector<std::string> primary_key() const;
  bool is_primary_key(const std::string& column) const;
  bool is_partition_column(const std::string& column) const;
  const IndexDef* regular_index_on(const std::string& column) const;
  const IndexDef* vector_index_on(const std::string& column) const;
  const IndexDef* text_index_on(const std::string& column) const;
};

struct CollectionDef {
  int dimension = 0;  // 0: no vectors
  VectorMetric metric = VectorMetric::Cosine;
  std::string options_json;  // as findCollections explains them
};

struct SchemaObject {
  enum class Kind { Table, Collection };
  std::int64_t id = 0;  // catalog row id; names the SQLite storage table kv_<id>
  std::string keyspace;
  std::string name;
  Kind kind = Kind::Table;
  TableDef table;            // kind == Table
  CollectionDef collection;  // kind == Collection

  bool is_table() const { return kind == Kind::Table; }
  std::string storage_table() const { return "kv_" + std::to_string(id); }
};

}  // namespace killrvideo::host::embedded
