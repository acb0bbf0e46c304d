#pragma once
// The embedded Data API engine (design §4): the commands of data-api-wire.md with their semantics, limits,
// warnings and error codes, on SQLite (WAL) with one hnswlib index per vector column. One database file
// under `data_dir` holds every keyspace.

#include <filesystem>
#include <memory>
#include <string>

#include <nlohmann/json_fwd.hpp>

namespace killrvideo::plugin {
class Embedder;
}

namespace killrvideo::host::embedded {

struct EngineOptions {
  std::filesystem::path data_dir;
  int page_size = 50;  // rows per find page (data-api-wire §1.9)
  // Stands in for every vectorize service a table column or collection declares (it outlives the engine);
  // null: vectorize is refused with VECTORIZE_FEATURE_NOT_AVAILABLE (data-api-wire §9.10).
  plugin::Embedder* vectorize = nullptr;
};

class EmbeddedEngine {
 public:
  // Opens or creates <data_dir>/killrvideo.db; throws std::runtime_error naming the path on failure.
  explicit EmbeddedEngine(EngineOptions options);
  ~EmbeddedEngine();  // saves the vector indexes
  EmbeddedEngine(const EmbeddedEngine&) = delete;
  EmbeddedEngine& operator=(const EmbeddedEngine&) = delete;

  // One Data API command envelope ({"find": {...}}) sent to `target` (a table or collection) in
  // `keyspace`, or to the keyspace itself when `target` is empty. The keyspace is created on first use.
  // Returns the response envelope exactly as the Data API would (errors included); never throws.
  // Safe to call from many threads: reads run concurrently, writes are serialised.
  nlohmann::ordered_json execute(const std::string& keyspace, const std::string& target,
                         const nlohmann::ordered_json& command) noexcept;

  // For a bulk load (killrvideo-load): writes stop committing one by one and gather in one transaction
  // until commit_held_writes(); a failing command still undoes only its own work. Reads see the held
  // writes. Both throw std::runtime_error when SQLite cannot begin or commit.
  void hold_commits();
  void commit_held_writes();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace killrvideo::host::embedded
