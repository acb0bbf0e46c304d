#pragma once
// Every open VectorIndex, one per vector-indexed table column or vector-enabled collection, with a
// reader/writer lock each (searches share, writes exclude). Files live beside the database as
// kv_<id>_<column>.hnsw (the graph, once there is one) with .codes and .meta beside it; SQLite is the source
// of truth and rebuilds a missing or stale file.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <utility>
#include <vector>

#include "data/embedded/Sqlite.h"
#include "data/embedded/VectorIndex.h"

namespace killrvideo::host::embedded {

// The SQLite column behind a collection's $vector.
inline const char* kCollectionVectorColumn = "vec";

// What a search reads of each exactly scored candidate's row besides its vector, in the same lookup:
// `select_list` (SQL), and read() sees the row with that list from result column 1 on. A read of the
// answer's rows then needs no second lookup per row. Each of the search's connections has a thread of its
// own: read() is told which (its index in `connections`), and runs on several at once.
struct CandidateRowReader {
  std::string select_list;
  std::function<void(std::size_t connection, std::int64_t rowid, const Statement& row)> read;
};

class VectorIndexSet {
 public:
  explicit VectorIndexSet(std::filesystem::path directory) : directory_(std::move(directory)) {}

  // Loads the saved index when its stamp matches the object's, else rebuilds from `storage_table`.
  void open(Connection& connection, std::int64_t object_id, const std::string& column, std::size_t dimension,
            VectorMetric metric);
  // Forgets the index and deletes its files.
  void drop(std::int64_t object_id, const std::string& column);
  void drop_all(std::int64_t object_id);

  // A null vector removes the row from the index.
  void put(std::int64_t object_id, const std::string& column, std::int64_t rowid, const std::vector<float>* vector);
  void clear(std::int64_t object_id, const std::string& column);
  // The k closest rows, most similar first (VectorIndex::search): the final candidates scored exactly against
  // their rows' vectors (with what `rows` asks for, when given), read through `connections`, one thread
  // each, each in a read transaction of the same data.
  std::vector<ScoredId> search(const std::vector<Connection*>& connections, std::int64_t object_id, const std::string& column,
                               const std::vector<float>& query, std::size_t k,
                               const std::function<bool(std::int64_t)>& accept,
                               const CandidateRowReader* rows = nullptr) const;
  void save_all(Connection& connection) const;

  // How many indexes this process rebuilt from SQLite instead of loading their file (tests and logs
  // use it to tell a load from a rebuild).
  static std::uint64_t rebuild_count() noexcept;

 private:
  struct Entry {
    mutable std::shared_mutex mutex;
    std::unique_ptr<VectorIndex> index;
  };
  using Key = std::pair<std::int64_t, std::string>;

  std::filesystem::path file_for(const Key& key) const;
  std::shared_ptr<Entry> entry(const Key& key) const;

  std::filesystem::path directory_;
  mutable std::mutex mutex_;
  std::map<Key, std::shared_ptr<Entry>> entries_;
};

}  // namespace killrvideo::host::embedded
