#include "data/embedded/Catalog.h"

#include <mutex>

#include <nlohmann/json.hpp>

namespace killrvideo::host::embedded {

namespace {

using json = nlohmann::ordered_json;

json index_to_json(const IndexDef& index) {
  return {{"name", index.name},
          {"column", index.column},
          {"vector", index.vector},
          {"text", index.text},
          {"metric", to_string(index.metric)},
          {"sourceModel", index.source_model},
          {"options", json::parse(index.options_json)}};
}

IndexDef index_from_json(const json& stored) {
  IndexDef index{stored.at("name"), stored.at("column"), stored.at("vector").get<bool>(), VectorMetric::Cosine,
                 stored.at("sourceModel"), stored.at("options").dump()};
  parse_vector_metric(stored.at("metric").get<std::string>(), index.metric);
  index.text = stored.value("text", false);  // absent in stores made before text indexes
  return index;
}

// The stored definition keeps partitionSort as an array: JSON objects do not keep key order.
json definition_to_json(const SchemaObject& object) {
  if (!object.is_table())
    return {{"dimension", object.collection.dimension},
            {"metric", to_string(object.collection.metric)},
            {"options", json::parse(object.collection.options_json)}};
  const TableDef& table = object.table;
  json columns = json::object();
  for (const auto& [name, type] : table.columns) columns[name] = column_schema(type);
  json clustering = json::array();
  for (const auto& [column, direction] : table.partition_sort) clustering.push_back({column, direction});
  json indexes = json::array();
  for (const auto& index : table.indexes) indexes.push_back(index_to_json(index));
  return {{"columns", columns}, {"partitionBy", table.partition_by}, {"partitionSort", clustering}, {"indexes", indexes}};
}

void definition_from_json(SchemaObject& object, const json& stored) {
  if (!object.is_table()) {
    object.collection.dimension = stored.at("dimension");
    parse_vector_metric(stored.at("metric").get<std::string>(), object.collection.metric);
    object.collection.options_json = stored.at("options").dump();
    return;
  }
  for (const auto& [name, schema] : stored.at("columns").items()) object.table.columns[name] = parse_column_type(schema);
  object.table.partition_by = stored.at("partitionBy").get<std::vector<std::string>>();
  for (const auto& entry : stored.at("partitionSort")) object.table.partition_sort.emplace_back(entry[0], entry[1]);
  for (const auto& index : stored.at("indexes")) object.table.indexes.push_back(index_from_json(index));
}

}  // namespace

Catalog::Catalog(Connection& writer) {
  writer.exec(
      "CREATE TABLE IF NOT EXISTS _kv_catalog (id INTEGER PRIMARY KEY, keyspace TEXT NOT NULL, name TEXT NOT NULL, "
      "kind TEXT NOT NULL, definition_json TEXT NOT NULL, stamp INTEGER NOT NULL DEFAULT 0, UNIQUE(keyspace, name))");
  auto rows = writer.prepare("SELECT id, keyspace, name, kind, definition_json FROM _kv_catalog");
  while (rows.step()) {
    SchemaObject object;
    object.id = rows.column_int(0);
    object.keyspace = rows.column_text(1);
    object.name = rows.column_text(2);
    object.kind = rows.column_text(3) == "table" ? SchemaObject::Kind::Table : SchemaObject::Kind::Collection;
    definition_from_json(object, json::parse(rows.column_text(4)));
    publish(std::move(object));
  }
}

SchemaPtr Catalog::find(const std::string& keyspace, const std::string& name) const {
  std::shared_lock lock(mutex_);
  const auto found = objects_.find({keyspace, name});
  return found == objects_.end() ? nullptr : found->second;
}

std::vector<SchemaPtr> Catalog::list(const std::string& keyspace) const {
  std::shared_lock lock(mutex_);
  std::vector<SchemaPtr> objects;
  for (auto it = objects_.lower_bound({keyspace, ""}); it != objects_.end() && it->first.first == keyspace; ++it)
    objects.push_back(it->second);
  return objects;
}

std::vector<SchemaPtr> Catalog::all() const {
  std::shared_lock lock(mutex_);
  std::vector<SchemaPtr> objects;
  for (const auto& entry : objects_) objects.push_back(entry.second);
  return objects;
}

SchemaObject Catalog::insert(Connection& writer, SchemaObject object) const {
  writer.prepare("INSERT INTO _kv_catalog (keyspace, name, kind, definition_json) VALUES (?, ?, ?, ?)")
      .bind_all({object.keyspace, object.name, std::string(object.is_table() ? "table" : "collection"),
                 definition_to_json(object).dump()})
      .run();
  object.id = writer.last_insert_rowid();
  return object;
}

void Catalog::update(Connection& writer, const SchemaObject& object) const {
  writer.prepare("UPDATE _kv_catalog SET definition_json = ? WHERE id = ?")
      .bind_all({definition_to_json(object).dump(), object.id})
      .run();
}

void Catalog::remove(Connection& writer, std::int64_t id) const {
  writer.prepare("DELETE FROM _kv_catalog WHERE id = ?").bind(1, id).run();
}

void Catalog::publish(SchemaObject object) {
  std::unique_lock lock(mutex_);
  auto key = std::make_pair(object.keyspace, object.name);
  objects_[key] = std::make_shared<const SchemaObject>(std::move(object));
}

void Catalog::forget(const std::string& keyspace, const std::string& name) {
  std::unique_lock lock(mutex_);
  objects_.erase({keyspace, name});
}

std::uint64_t Catalog::stamp(Connection& connection, std::int64_t id) {
  auto query = connection.prepare("SELECT stamp FROM _kv_catalog WHERE id = ?");
  query.bind(1, id);
  return query.step() ? static_cast<std::uint64_t>(query.column_int(0)) : 0;
}

void Catalog::bump_stamp(Connection& writer, std::int64_t id) {
  writer.prepare("UPDATE _kv_catalog SET stamp = stamp + 1 WHERE id = ?").bind(1, id).run();
}

}  // namespace killrvideo::host::embedded
