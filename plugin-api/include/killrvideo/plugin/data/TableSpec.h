#pragma once
// A table a plugin owns: its columns, primary key, secondary, vector and text indexes. Rendered once for the
// host, which creates it all at start-up (design §5).
//
//   TableSpec("latest_videos")
//       .column("day", "date").column("added_date", "timestamp").column("videoid", "uuid")
//       .partition_by({"day"})
//       .partition_sort("added_date", SortOrder::Descending).partition_sort("videoid", SortOrder::Ascending);

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "killrvideo/plugin/data/ColumnType.h"
#include "killrvideo/plugin/data/SortOrder.h"
#include "killrvideo/plugin/data/VectorMetric.h"

namespace killrvideo::plugin::data {

// How a text or ascii index matches; the server's defaults.
struct TextIndexOptions {
  bool case_sensitive = true;
  bool normalize = false;
  bool ascii = false;
};

// What an index on a map column covers.
enum class MapIndexTarget { Entries, Keys, Values };

class TableSpec {
 public:
  explicit TableSpec(std::string name);

  // Throws std::invalid_argument when the column is already declared.
  TableSpec& column(const std::string& name, ColumnType type);
  TableSpec& partition_by(std::vector<std::string> columns);
  // Clustering columns, in key order.
  TableSpec& partition_sort(const std::string& column, SortOrder order);

  TableSpec& index(const std::string& name, const std::string& column);
  TableSpec& index(const std::string& name, const std::string& column, TextIndexOptions options);
  TableSpec& map_index(const std::string& name, const std::string& column, MapIndexTarget target);
  // `source_model` names the embedding model (ada002, bert, …, other); the server's default is "other".
  TableSpec& vector_index(const std::string& name, const std::string& column, VectorMetric metric,
                          std::optional<std::string> source_model = std::nullopt);
  // A text index on a text or ascii column, for Filter::match and Sort::by_relevance. `analyzer` names the
  // Data API analyzer ("standard", the server's default, or "english", which also stems; the embedded
  // engine implements these two).
  TableSpec& text_index(const std::string& name, const std::string& column, std::string analyzer = "standard");

  const std::string& name() const noexcept { return name_; }

  // {"definition": <createTable definition>, "indexes": [<createIndex bodies>],
  //  "vectorIndexes": [<createVectorIndex bodies>], "textIndexes": [<createTextIndex bodies>]}: what
  //  Registrar::own_table receives ("textIndexes" only when there are any).
  // Throws std::invalid_argument when the key or an index names an undeclared column, an index does not
  // fit its column's type, or the partition key is empty.
  nlohmann::ordered_json to_json() const;
  // The DDL the host sends: createTable to the keyspace, then the index commands to the table.
  nlohmann::ordered_json create_table_command(bool if_not_exists) const;
  std::vector<nlohmann::ordered_json> create_index_commands(bool if_not_exists) const;

 private:
  struct SecondaryIndex {
    std::string name;
    std::string column;
    std::optional<TextIndexOptions> text_options;
    std::optional<MapIndexTarget> map_target;
  };
  struct VectorIndex {
    std::string name;
    std::string column;
    VectorMetric metric;
    std::optional<std::string> source_model;
  };
  struct TextIndex {
    std::string name;
    std::string column;
    std::string analyzer;
  };

  const ColumnType& type_of(const std::string& column, const std::string& used_by) const;
  nlohmann::ordered_json definition() const;
  nlohmann::ordered_json primary_key() const;
  nlohmann::ordered_json index_body(const SecondaryIndex& index) const;
  nlohmann::ordered_json vector_index_body(const VectorIndex& index) const;
  nlohmann::ordered_json text_index_body(const TextIndex& index) const;

  std::string name_;
  std::vector<std::pair<std::string, ColumnType>> columns_;
  std::vector<std::string> partition_by_;
  std::vector<std::pair<std::string, SortOrder>> partition_sort_;
  std::vector<SecondaryIndex> indexes_;
  std::vector<VectorIndex> vector_indexes_;
  std::vector<TextIndex> text_indexes_;
};

}  // namespace killrvideo::plugin::data
