#pragma once
// One approximate-nearest-neighbour index over one vector column: compressed codes of its vectors
// (QuantizedVectors) and, once the index is too large to scan, an hnswlib graph over those codes; both saved
// beside the database. The index keeps no float copy of the vectors: the few candidates a search finally
// scores exactly are read from the caller (SQLite, by rowid), so a result carries the exact $similarity.
// SQLite stays the source of truth: a missing or stale index file is rebuilt from it, never trusted.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace killrvideo::host::embedded {

enum class VectorMetric { Cosine, DotProduct, Euclidean };

// "cosine" / "dot_product" / "euclidean" ↔ VectorMetric; parse returns false for anything else.
bool parse_vector_metric(const std::string& text, VectorMetric& metric) noexcept;
const char* to_string(VectorMetric metric) noexcept;

// The Data API's $similarity for two vectors (data-api-wire §6), computed exactly in float:
// cosine (1 + cos)/2, dot_product (1 + q·v)/2, euclidean 1/(1 + squared distance).
float similarity(VectorMetric metric, const float* a, const float* b, std::size_t dimension) noexcept;

struct ScoredId {
  std::int64_t id;   // the row's SQLite rowid
  float similarity;  // as similarity(): higher is closer
};

// The vector stored for `id` (its row's, as given to upsert) into `vector`; false when the row has none any more.
using VectorLookup = std::function<bool(std::int64_t id, std::vector<float>& vector)>;
// Several lookups, each usable on a thread of its own (through its own connection): a search with more than
// one scores its final candidates on that many threads (InOrderScoring.h).
using VectorLookups = std::vector<VectorLookup>;

// Searches scan compressed codes of every vector (QuantizedVectors) while the index holds at most this many
// components (vectors × dimension: 100,000 × 1024 is within, its sign bits take 12.5 MiB), and walk the graph
// beyond, where a scan's cost would grow with the index. The scan's recall does not depend on the data
// having neighbourhoods; the graph's does (tools/benchmarks/ANN.md). Below the budget no graph is kept:
// it is built in one go, on every core, when the index first outgrows the budget.
inline constexpr std::size_t kMaxScannedComponents = std::size_t{1} << 27;

class VectorIndex {
 public:
  VectorIndex(std::filesystem::path file, std::size_t dimension, VectorMetric metric,
              std::size_t max_scanned_components = kMaxScannedComponents);
  ~VectorIndex();
  VectorIndex(const VectorIndex&) = delete;
  VectorIndex& operator=(const VectorIndex&) = delete;

  // Loads the saved index when its file exists and carries `expected_stamp` (the table's write counter
  // when it was saved); returns false when the caller must rebuild (missing, stale, unreadable, other
  // dimension or metric).
  bool load(std::uint64_t expected_stamp);
  // Writes the index and `stamp` atomically (temp file + rename).
  void save(std::uint64_t stamp) const;
  // Empties the index (before a rebuild).
  void clear();

  // Inserts or replaces the vector of `id`; grows as needed. Zero vectors are the caller's to refuse.
  // Beyond the scan budget, new vectors wait in a small batch (scanned by searches) that joins the graph
  // when it is full, inserted on every core.
  void upsert(std::int64_t id, const float* vector);
  void remove(std::int64_t id);
  std::size_t size() const;
  bool has_graph() const;
  std::size_t dimension() const noexcept { return dimension_; }
  VectorMetric metric() const noexcept { return metric_; }

  // The k closest ids, most similar first, scored exactly against the vectors the lookups give (ids they
  // have no vector for are left out). With `accept`, only ids it accepts count towards k (the index searches
  // wider until k are accepted or every id was considered). Both run under the index's shared lock and
  // must not call back into it. The answer is the same whatever the number of lookups.
  std::vector<ScoredId> search(const float* query, std::size_t k, const VectorLookups& lookups,
                               const std::function<bool(std::int64_t)>& accept = {}) const;
  std::vector<ScoredId> search(const float* query, std::size_t k, const VectorLookup& lookup,
                               const std::function<bool(std::int64_t)>& accept = {}) const {
    return search(query, k, VectorLookups{lookup}, accept);
  }

 private:
  struct State;
  std::unique_ptr<State> state_;
  std::filesystem::path file_;
  std::size_t dimension_;
  VectorMetric metric_;
};

}  // namespace killrvideo::host::embedded
