#pragma once
// The schema of every keyspace, kept in SQLite (_kv_catalog) and mirrored in memory. SQL changes
// run inside the caller's write transaction; the in-memory mirror is updated only after it commits
// (publish/forget), so readers never see a schema the database does not have.

#include <cstdint>
#include <map>
#include <memory>
#include <shared_mutex>
#include <string>
#include <utility>
#include <vector>

#include "data/embedded/SchemaObject.h"
#include "data/embedded/Sqlite.h"

namespace killrvideo::host::embedded {

using SchemaPtr = std::shared_ptr<const SchemaObject>;

class Catalog {
 public:
  explicit Catalog(Connection& writer);  // creates _kv_catalog if needed and loads it

  SchemaPtr find(const std::string& keyspace, const std::string& name) const;
  std::vector<SchemaPtr> list(const std::string& keyspace) const;
  std::vector<SchemaPtr> all() const;

  // Stores a new object and returns it with its id (not yet published).
  SchemaObject insert(Connection& writer, SchemaObject object) const;
  void update(Connection& writer, const SchemaObject& object) const;
  void remove(Connection& writer, std::int64_t id) const;
  void publish(SchemaObject object);
  void forget(const std::string& keyspace, const std::string& name);

  // The per-object write counter, bumped in every write transaction; vector index files record
  // the value they were saved at so a stale file is detected on open.
  static std::uint64_t stamp(Connection& connection, std::int64_t id);
  static void bump_stamp(Connection& writer, std::int64_t id);

 private:
  mutable std::shared_mutex mutex_;
  std::map<std::pair<std::string, std::string>, SchemaPtr> objects_;
};

}  // namespace killrvideo::host::embedded
