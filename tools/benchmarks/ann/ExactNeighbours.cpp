#include "ExactNeighbours.h"

#include <algorithm>
#include <thread>

namespace killrvideo::benchmarks {

namespace {

std::vector<std::int64_t> top_k(host::embedded::VectorMetric metric, const UnitVectors& vectors, const float* query,
                                std::size_t k) {
  std::vector<host::embedded::ScoredId> scored(vectors.count());
  for (std::size_t row = 0; row < vectors.count(); ++row)
    scored[row] = {static_cast<std::int64_t>(row),
                   host::embedded::similarity(metric, query, vectors.row(row), vectors.dimension())};
  const auto keep = std::min(k, scored.size());
  std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(keep), scored.end(),
                    [](const auto& a, const auto& b) {
                      return a.similarity != b.similarity ? a.similarity > b.similarity : a.id < b.id;
                    });
  std::vector<std::int64_t> ids;
  for (std::size_t i = 0; i < keep; ++i) ids.push_back(scored[i].id);
  return ids;
}

}  // namespace

std::vector<std::vector<std::int64_t>> exact_neighbours(host::embedded::VectorMetric metric, const UnitVectors& vectors,
                                                        const UnitVectors& queries, std::size_t k, unsigned threads) {
  std::vector<std::vector<std::int64_t>> neighbours(queries.count());
  std::vector<std::thread> workers;
  for (unsigned worker = 0; worker < threads; ++worker) {
    workers.emplace_back([&, worker] {
      for (std::size_t query = worker; query < queries.count(); query += threads)
        neighbours[query] = top_k(metric, vectors, queries.row(query), k);
    });
  }
  for (auto& thread : workers) thread.join();
  return neighbours;
}

}  // namespace killrvideo::benchmarks
