#include "killrvideo/plugin/data/TableSpec.h"

#include <algorithm>
#include <stdexcept>

#include "killrvideo/plugin/data/SchemaCommands.h"

namespace killrvideo::plugin::data {

namespace {

bool is_text(const ColumnType& type) { return type.kind() == "text" || type.kind() == "ascii"; }

nlohmann::ordered_json index_column(const std::string& column, const std::optional<MapIndexTarget>& target) {
  if (!target || *target == MapIndexTarget::Entries) return column;
  return {{column, *target == MapIndexTarget::Keys ? "$keys" : "$values"}};
}

nlohmann::ordered_json text_options_json(const TextIndexOptions& options) {
  return {{"caseSensitive", options.case_sensitive}, {"normalize", options.normalize}, {"ascii", options.ascii}};
}

}  // namespace

TableSpec::TableSpec(std::string name) : name_(std::move(name)) {}

TableSpec& TableSpec::column(const std::string& name, ColumnType type) {
  const auto same_name = [&](const auto& column) { return column.first == name; };
  if (std::any_of(columns_.begin(), columns_.end(), same_name)) {
    throw std::invalid_argument("table " + name_ + " declares column " + name + " twice");
  }
  columns_.emplace_back(name, std::move(type));
  return *this;
}

TableSpec& TableSpec::partition_by(std::vector<std::string> columns) {
  partition_by_ = std::move(columns);
  return *this;
}

TableSpec& TableSpec::partition_sort(const std::string& column, SortOrder order) {
  partition_sort_.emplace_back(column, order);
  return *this;
}

TableSpec& TableSpec::index(const std::string& name, const std::string& column) {
  indexes_.push_back({name, column, std::nullopt, std::nullopt});
  return *this;
}

TableSpec& TableSpec::index(const std::string& name, const std::string& column, TextIndexOptions options) {
  indexes_.push_back({name, column, options, std::nullopt});
  return *this;
}

TableSpec& TableSpec::map_index(const std::string& name, const std::string& column, MapIndexTarget target) {
  indexes_.push_back({name, column, std::nullopt, target});
  return *this;
}

TableSpec& TableSpec::vector_index(const std::string& name, const std::string& column, VectorMetric metric,
                                   std::optional<std::string> source_model) {
  vector_indexes_.push_back({name, column, metric, std::move(source_model)});
  return *this;
}

TableSpec& TableSpec::text_index(const std::string& name, const std::string& column, std::string analyzer) {
  text_indexes_.push_back({name, column, std::move(analyzer)});
  return *this;
}

nlohmann::ordered_json TableSpec::to_json() const {
  nlohmann::ordered_json indexes = nlohmann::ordered_json::array();
  for (const auto& index : indexes_) indexes.push_back(index_body(index));
  nlohmann::ordered_json vector_indexes = nlohmann::ordered_json::array();
  for (const auto& index : vector_indexes_) vector_indexes.push_back(vector_index_body(index));
  nlohmann::ordered_json document = {
      {"definition", definition()}, {"indexes", std::move(indexes)}, {"vectorIndexes", std::move(vector_indexes)}};
  if (!text_indexes_.empty()) {
    nlohmann::ordered_json text_indexes = nlohmann::ordered_json::array();
    for (const auto& index : text_indexes_) text_indexes.push_back(text_index_body(index));
    document["textIndexes"] = std::move(text_indexes);
  }
  return document;
}

nlohmann::ordered_json TableSpec::create_table_command(bool if_not_exists) const {
  return data::create_table_command(name_, to_json(), if_not_exists);
}

std::vector<nlohmann::ordered_json> TableSpec::create_index_commands(bool if_not_exists) const {
  return data::create_index_commands(to_json(), if_not_exists);
}

const ColumnType& TableSpec::type_of(const std::string& column, const std::string& used_by) const {
  const auto same_name = [&](const auto& declared) { return declared.first == column; };
  const auto found = std::find_if(columns_.begin(), columns_.end(), same_name);
  if (found == columns_.end()) {
    throw std::invalid_argument("table " + name_ + ": " + used_by + " names the undeclared column " + column);
  }
  return found->second;
}

nlohmann::ordered_json TableSpec::definition() const {
  nlohmann::ordered_json columns = nlohmann::ordered_json::object();
  for (const auto& [name, type] : columns_) columns[name] = type.to_json();
  return {{"columns", std::move(columns)}, {"primaryKey", primary_key()}};
}

nlohmann::ordered_json TableSpec::primary_key() const {
  if (partition_by_.empty()) throw std::invalid_argument("table " + name_ + " has no partition key");
  for (const auto& column : partition_by_) type_of(column, "the partition key");
  if (partition_by_.size() == 1 && partition_sort_.empty()) return partition_by_.front();

  nlohmann::ordered_json partition_sort = nlohmann::ordered_json::object();
  for (const auto& [column, order] : partition_sort_) {
    type_of(column, "partitionSort");
    partition_sort[column] = to_wire(order);
  }
  nlohmann::ordered_json key = {{"partitionBy", partition_by_}};
  if (!partition_sort.empty()) key["partitionSort"] = std::move(partition_sort);
  return key;
}

nlohmann::ordered_json TableSpec::index_body(const SecondaryIndex& index) const {
  const ColumnType& type = type_of(index.column, "index " + index.name);
  if (type.kind() == "vector") throw std::invalid_argument("index " + index.name + ": use vector_index for a vector");
  if (index.text_options && !is_text(type)) {
    throw std::invalid_argument("index " + index.name + ": text options need a text or ascii column");
  }
  if (index.map_target && type.kind() != "map") {
    throw std::invalid_argument("index " + index.name + ": map_index needs a map column");
  }
  nlohmann::ordered_json definition = {{"column", index_column(index.column, index.map_target)}};
  if (index.text_options) definition["options"] = text_options_json(*index.text_options);
  return {{"name", index.name}, {"definition", std::move(definition)}};
}

nlohmann::ordered_json TableSpec::vector_index_body(const VectorIndex& index) const {
  if (type_of(index.column, "vector index " + index.name).kind() != "vector") {
    throw std::invalid_argument("vector index " + index.name + ": " + index.column + " is not a vector column");
  }
  nlohmann::ordered_json options = {{"metric", to_wire(index.metric)}};
  if (index.source_model) options["sourceModel"] = *index.source_model;
  return {{"name", index.name}, {"definition", {{"column", index.column}, {"options", std::move(options)}}}};
}

// The analyzer sits in definition.options, where the Data API reads it.
nlohmann::ordered_json TableSpec::text_index_body(const TextIndex& index) const {
  if (!is_text(type_of(index.column, "text index " + index.name))) {
    throw std::invalid_argument("text index " + index.name + ": " + index.column + " is not a text or ascii column");
  }
  if (index.analyzer.empty()) throw std::invalid_argument("text index " + index.name + ": the analyzer is empty");
  return {{"name", index.name},
          {"definition", {{"column", index.column}, {"options", {{"analyzer", index.analyzer}}}}}};
}

}  // namespace killrvideo::plugin::data
