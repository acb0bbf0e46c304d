#include "data/embedded/VectorIndexSet.h"

#include <atomic>
#include <cstdio>
#include <cstring>
#include <variant>

#include "data/embedded/Catalog.h"
#include "data/embedded/VectorCodec.h"
#include "data/embedded/VectorIndexFile.h"

namespace killrvideo::host::embedded {

namespace {

std::atomic<std::uint64_t> rebuilds{0};

std::string sql_column_for(const std::string& column) {
  return column == "$vector" ? kCollectionVectorColumn : column;
}

std::string storage_table_for(std::int64_t object_id) { return quote_identifier("kv_" + std::to_string(object_id)); }

void rebuild(Connection& connection, VectorIndex& index, std::int64_t object_id, const std::string& column) {
  index.clear();
  auto rows = connection.prepare("SELECT rowid, " + quote_identifier(sql_column_for(column)) + " FROM " +
                                 storage_table_for(object_id) + " WHERE " + quote_identifier(sql_column_for(column)) +
                                 " IS NOT NULL");
  while (rows.step()) {
    const auto vector = vector_from_bytes(std::get<Blob>(rows.column(1)).bytes);
    if (vector.size() == index.dimension() && !(index.metric() == VectorMetric::Cosine && is_zero_vector(vector)))
      index.upsert(rows.column_int(0), vector.data());
  }
  ++rebuilds;
  std::fprintf(stderr, "embedded engine: rebuilt vector index kv_%lld.%s from SQLite (%zu vectors)\n",
               static_cast<long long>(object_id), column.c_str(), index.size());
}

// Reads a candidate's vector through `row`, the statement of connection `connection` (its bytes straight
// into `vector`), and what `rows` asks for.
VectorLookup vector_lookup(std::size_t connection, Statement& row, const CandidateRowReader* rows) {
  return [connection, &row, rows](std::int64_t rowid, std::vector<float>& vector) {
    row.reset();
    row.bind(1, rowid);
    if (!row.step()) return false;
    const std::string_view bytes = row.column_blob(0);
    if (bytes.empty()) return false;
    vector.resize(bytes.size() / sizeof(float));
    std::memcpy(vector.data(), bytes.data(), vector.size() * sizeof(float));
    if (rows) rows->read(connection, rowid, row);
    return true;
  };
}

}  // namespace

std::uint64_t VectorIndexSet::rebuild_count() noexcept { return rebuilds.load(); }

std::filesystem::path VectorIndexSet::file_for(const Key& key) const {
  std::string column = key.second;
  for (auto& c : column)
    if (c == '$') c = '_';
  return directory_ / ("kv_" + std::to_string(key.first) + "_" + column + ".hnsw");
}

std::shared_ptr<VectorIndexSet::Entry> VectorIndexSet::entry(const Key& key) const {
  std::lock_guard lock(mutex_);
  const auto found = entries_.find(key);
  return found == entries_.end() ? nullptr : found->second;
}

void VectorIndexSet::open(Connection& connection, std::int64_t object_id, const std::string& column,
                          std::size_t dimension, VectorMetric metric) {
  const Key key{object_id, column};
  auto created = std::make_shared<Entry>();
  created->index = std::make_unique<VectorIndex>(file_for(key), dimension, metric);
  if (!created->index->load(Catalog::stamp(connection, object_id))) rebuild(connection, *created->index, object_id, column);
  std::lock_guard lock(mutex_);
  entries_[key] = std::move(created);
}

void VectorIndexSet::drop(std::int64_t object_id, const std::string& column) {
  const Key key{object_id, column};
  {
    std::lock_guard lock(mutex_);
    entries_.erase(key);
  }
  std::error_code ignored;
  const auto graph = file_for(key);
  for (const auto& file : {graph, vector_index_file::codes_path(graph), vector_index_file::meta_path(graph)})
    std::filesystem::remove(file, ignored);
}

void VectorIndexSet::drop_all(std::int64_t object_id) {
  std::vector<std::string> columns;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [key, entry] : entries_)
      if (key.first == object_id) columns.push_back(key.second);
  }
  for (const auto& column : columns) drop(object_id, column);
}

void VectorIndexSet::put(std::int64_t object_id, const std::string& column, std::int64_t rowid,
                         const std::vector<float>* vector) {
  const auto found = entry({object_id, column});
  if (!found) return;
  std::unique_lock lock(found->mutex);
  VectorIndex& index = *found->index;
  // A zero vector has no direction: it can never rank under cosine, so it stays out of the index.
  if (vector && !(index.metric() == VectorMetric::Cosine && is_zero_vector(*vector)))
    index.upsert(rowid, vector->data());
  else
    index.remove(rowid);
}

void VectorIndexSet::clear(std::int64_t object_id, const std::string& column) {
  const auto found = entry({object_id, column});
  if (!found) return;
  std::unique_lock lock(found->mutex);
  found->index->clear();
}

std::vector<ScoredId> VectorIndexSet::search(const std::vector<Connection*>& connections, std::int64_t object_id,
                                             const std::string& column,
                                             const std::vector<float>& query, std::size_t k,
                                             const std::function<bool(std::int64_t)>& accept,
                                             const CandidateRowReader* rows) const {
  const auto found = entry({object_id, column});
  if (!found) return {};
  const std::string sql = "SELECT " + quote_identifier(sql_column_for(column)) +
                          (rows ? ", " + rows->select_list : std::string()) + " FROM " + storage_table_for(object_id) +
                          " WHERE rowid = ?";
  // One prepared statement per connection serves its thread's candidates.
  std::vector<std::unique_ptr<Statement>> statements;
  VectorLookups lookups;
  for (Connection* connection : connections) {
    statements.emplace_back(new Statement(connection->prepare(sql)));
    lookups.push_back(vector_lookup(lookups.size(), *statements.back(), rows));
  }
  std::shared_lock lock(found->mutex);
  return found->index->search(query.data(), k, lookups, accept);
}

void VectorIndexSet::save_all(Connection& connection) const {
  std::lock_guard lock(mutex_);
  for (const auto& [key, entry] : entries_) {
    std::unique_lock entry_lock(entry->mutex);
    entry->index->save(Catalog::stamp(connection, key.first));
  }
}

}  // namespace killrvideo::host::embedded
