#pragma once
// Collection documents in their SQLite table kv_<id>(id TEXT PRIMARY KEY, doc TEXT, vec BLOB):
// `id` is the JSON of _id, `doc` the document without $vector, `vec` the float32 vector. Documents
// handed out carry $vector again as an array.

#include <cstdint>
#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "data/embedded/SchemaObject.h"
#include "data/embedded/Sqlite.h"
#include "data/embedded/VectorIndexSet.h"

namespace killrvideo::host::embedded {

struct StoredDocument {
  std::int64_t rowid;
  nlohmann::ordered_json document;
};

// Gives the document an _id if it has none and checks _id, $vector and $vectorize (DOCUMENT errors).
nlohmann::ordered_json prepare_document(const SchemaObject& collection, nlohmann::ordered_json document);

class CollectionStore {
 public:
  CollectionStore(Connection& connection, const SchemaObject& collection)
      : connection_(connection), collection_(collection) {}

  // Documents matching the filter in _id order (a point lookup for {"_id": x}).
  std::vector<StoredDocument> matching(const nlohmann::ordered_json& filter);
  std::optional<StoredDocument> by_rowid(std::int64_t rowid);
  std::int64_t count_all();
  Connection& connection() const noexcept { return connection_; }

  // Writes (on the writer connection, inside the caller's transaction).
  void insert(const nlohmann::ordered_json& document);  // DOCUMENT_ALREADY_EXISTS on a duplicate _id
  void replace(std::int64_t rowid, const nlohmann::ordered_json& document);
  void remove(std::int64_t rowid);
  void remove_all();
  void finish();  // bumps the stamp; after the commit, apply_to_indexes()
  void apply_to_indexes(VectorIndexSet& vectors) const;

 private:
  std::vector<StoredDocument> select(const std::string& where, const std::vector<SqlValue>& params);
  struct VectorChange {
    std::int64_t rowid;
    std::optional<std::vector<float>> vector;
  };

  Connection& connection_;
  const SchemaObject& collection_;
  std::vector<VectorChange> changes_;
};

}  // namespace killrvideo::host::embedded
