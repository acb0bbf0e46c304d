// killrvideo-bench-ann: VectorIndex (cosine, as the video catalogue uses it) measured on unit vectors —
// index build time and memory, latency of one query at a time (p50/p99 of top-k searches), and recall@k
// against an exact scan scored with the same similarity(), for both ways the index searches: the scan of its
// compressed codes and the walk of its graph. Both run in one process on one index (built once with the
// engine's scan budget, saved, and loaded with a budget of everything or of zero), so their ratio is not the
// machine's mood.
// Measured figures and the command: tools/benchmarks/ANN.md.

#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "ExactNeighbours.h"
#include "UnitVectors.h"
#include "data/embedded/VectorIndex.h"

namespace killrvideo::benchmarks {
namespace {

using Clock = std::chrono::steady_clock;
using host::embedded::VectorIndex;
using host::embedded::VectorLookup;
using host::embedded::VectorMetric;

constexpr VectorMetric kMetric = VectorMetric::Cosine;
constexpr std::uint64_t kSavedStamp = 1;
constexpr std::size_t kScanEverything = std::numeric_limits<std::size_t>::max();

struct Options {
  std::size_t count = 100000;
  std::vector<std::size_t> dimensions{384, 1024};
  std::size_t queries = 1000;
  std::size_t warmups = 20;
  std::size_t k = 10;
  std::vector<std::size_t> candidates;  // empty: ask for k
  unsigned threads = 2;
  std::string data = "random";
  std::vector<std::string> plans{"scan", "graph"};
  unsigned seed = 42;
};

// One way of querying: ask the index for `candidates` results (its search breadth follows: ef =
// max(64, candidates)) and keep the first k — what a caller can do to buy recall with latency.
struct QueryFigures {
  std::string plan;
  double load_seconds = 0;
  std::size_t candidates = 0;
  double p50_ms = 0;
  double p99_ms = 0;
  double first_ms = 0;  // the first query after a build or load, while the codes come back into the cache
};

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// This process's resident memory (VmRSS), in MiB.
double resident_mib() {
  std::ifstream status("/proc/self/status");
  std::string field;
  double kib = 0;
  while (status >> field)
    if (field == "VmRSS:" && status >> kib) break;
  return kib / 1024;
}

// The engine reads a candidate's vector from its SQLite row; here the rows are the generated vectors.
VectorLookup lookup_in(const UnitVectors& vectors) {
  return [&vectors](std::int64_t id, std::vector<float>& vector) {
    const float* row = vectors.row(static_cast<std::size_t>(id));
    vector.assign(row, row + vectors.dimension());
    return true;
  };
}

// Nearest-rank percentile of an ascending sample.
double percentile(const std::vector<double>& ascending, double fraction) {
  const auto rank = static_cast<std::size_t>(fraction * static_cast<double>(ascending.size()) + 0.999999);
  return ascending[std::clamp<std::size_t>(rank, 1, ascending.size()) - 1];
}

double recall(const std::vector<std::vector<std::int64_t>>& found, const std::vector<std::vector<std::int64_t>>& truth,
              std::size_t k) {
  std::size_t hits = 0;
  for (std::size_t query = 0; query < truth.size(); ++query)
    for (const auto id : found[query])
      hits += static_cast<std::size_t>(std::count(truth[query].begin(), truth[query].end(), id));
  return static_cast<double>(hits) / static_cast<double>(truth.size() * k);
}

// Upserts go one at a time, as the engine's writes do: VectorIndex takes its write lock for each (it inserts
// into its graph on every core by itself).
double build(VectorIndex& index, const UnitVectors& vectors) {
  const auto start = Clock::now();
  for (std::size_t row = 0; row < vectors.count(); ++row)
    index.upsert(static_cast<std::int64_t>(row), vectors.row(row));
  return seconds_since(start);
}

// Times every query alone and keeps the first k ids of each for the recall.
// Warm-up queries run first, untimed but for the very first; then every query is timed alone.
QueryFigures query_all(const VectorIndex& index, const VectorLookup& lookup, const UnitVectors& warmups,
                       const UnitVectors& queries, std::size_t k, std::size_t candidates,
                       std::vector<std::vector<std::int64_t>>& found) {
  double first_ms = 0;
  for (std::size_t query = 0; query < warmups.count(); ++query) {
    const auto start = Clock::now();
    index.search(warmups.row(query), candidates, lookup);
    if (query == 0) first_ms = seconds_since(start) * 1000;
  }
  found.assign(queries.count(), {});
  std::vector<double> latencies_ms;
  for (std::size_t query = 0; query < queries.count(); ++query) {
    const auto start = Clock::now();
    const auto results = index.search(queries.row(query), candidates, lookup);
    latencies_ms.push_back(seconds_since(start) * 1000);
    for (std::size_t i = 0; i < std::min(k, results.size()); ++i) found[query].push_back(results[i].id);
  }
  std::sort(latencies_ms.begin(), latencies_ms.end());
  return {"", 0, candidates, percentile(latencies_ms, 0.50), percentile(latencies_ms, 0.99), first_ms};
}

// The saved index reloaded to search one way: a budget of everything scans, a budget of zero walks the graph
// (built at load when the saved index had none).
std::unique_ptr<VectorIndex> reloaded(const std::string& plan, const std::filesystem::path& saved,
                                      std::size_t dimension) {
  auto index = std::make_unique<VectorIndex>(saved, dimension, kMetric, plan == "scan" ? kScanEverything : 0);
  if (!index->load(kSavedStamp)) throw std::runtime_error("cannot reload the index from " + saved.string());
  return index;
}

void measure(const Options& options, std::size_t dimension) {
  UnitVectorSource source(options.data, dimension, options.seed);
  const auto vectors = source.take(options.count);
  const auto queries = source.take(options.queries);
  const auto warmups = source.take(options.warmups);

  std::fprintf(stderr, "dimension %zu: building the index of %zu vectors...\n", dimension, options.count);
  const auto saved = std::filesystem::temp_directory_path() / "killrvideo-bench-ann.hnsw";
  const auto lookup = lookup_in(vectors);
  const double resident_before = resident_mib();
  auto built = std::make_unique<VectorIndex>(saved, dimension, kMetric);
  const double build_seconds = build(*built, vectors);
  const double index_mib = resident_mib() - resident_before;
  std::fprintf(stderr, "dimension %zu: built in %.1f s (%s), %.0f MiB\n", dimension, build_seconds,
               built->has_graph() ? "with a graph" : "no graph", index_mib);
  built->save(kSavedStamp);
  built.reset();

  std::vector<QueryFigures> rows;
  std::vector<std::vector<std::vector<std::int64_t>>> found;
  for (const auto& plan : options.plans) {
    const auto load_start = Clock::now();
    const auto index_of_plan = reloaded(plan, saved, dimension);
    const double load_seconds = seconds_since(load_start);
    const VectorIndex& index = *index_of_plan;
    for (const auto asked : options.candidates) {
      const auto candidates = std::max(options.k, asked);
      std::fprintf(stderr, "dimension %zu, %s: %zu queries asking for %zu...\n", dimension, plan.c_str(),
                   options.queries, candidates);
      found.emplace_back();
      rows.push_back(query_all(index, lookup, warmups, queries, options.k, candidates, found.back()));
      rows.back().plan = plan;
      rows.back().load_seconds = load_seconds;
    }
  }
  std::filesystem::remove(saved);
  std::filesystem::remove(saved.string() + ".meta");
  std::filesystem::remove(saved.string() + ".codes");

  std::fprintf(stderr, "dimension %zu: exact neighbours on %u threads...\n", dimension, options.threads);
  const auto start = Clock::now();
  const auto truth = exact_neighbours(kMetric, vectors, queries, options.k, options.threads);
  const double exact_ms = seconds_since(start) * 1000 * options.threads / static_cast<double>(queries.count());

  for (std::size_t i = 0; i < rows.size(); ++i) {
    std::printf("%9zu %8.1f %10.0f %9.0f %6s %7.1f %10zu %8.3f %8.3f %9.4f %8.3f %13.2f\n", dimension, build_seconds,
                static_cast<double>(options.count) / build_seconds, index_mib, rows[i].plan.c_str(),
                rows[i].load_seconds, rows[i].candidates, rows[i].p50_ms, rows[i].p99_ms,
                recall(found[i], truth, options.k), rows[i].first_ms, exact_ms);
  }
  std::fflush(stdout);
}

int run(Options options) {
  if (options.candidates.empty()) options.candidates.push_back(options.k);
  std::printf("killrvideo-bench-ann: %zu %s unit vectors, %s, top-%zu, %zu queries one at a time after %zu warm-ups\n",
              options.count, options.data.c_str(), host::embedded::to_string(kMetric), options.k, options.queries,
              options.warmups);
  std::printf("%9s %8s %10s %9s %6s %7s %10s %8s %8s %9s %8s %13s\n", "dimension", "build_s", "inserts/s", "index_MiB",
              "plan", "load_s", "candidates", "p50_ms", "p99_ms", "recall@k", "first_ms", "exact_scan_ms");
  for (const auto dimension : options.dimensions) measure(options, dimension);
  return 0;
}

}  // namespace
}  // namespace killrvideo::benchmarks

int main(int argc, char** argv) {
  killrvideo::benchmarks::Options options;
  CLI::App app{"VectorIndex build time, query latency and recall@k on unit vectors"};
  app.add_option("-n,--count", options.count, "vectors in the index (a smaller count makes a quick run)")
      ->check(CLI::PositiveNumber);
  app.add_option("-d,--dimensions", options.dimensions, "vector dimensions, one run each")->delimiter(',');
  app.add_option("-q,--queries", options.queries, "queries timed and checked for recall")->check(CLI::PositiveNumber);
  app.add_option("-w,--warmups", options.warmups,
                 "other queries run before the timed ones (only the first is timed, as first_ms)");
  app.add_option("-k,--top", options.k, "results per query")->check(CLI::PositiveNumber);
  app.add_option("-c,--candidates", options.candidates,
                 "results asked of the index per query, one timing each (the first k count for recall)")
      ->delimiter(',');
  app.add_option("-t,--threads", options.threads, "threads for the exact scan (the ground truth)")
      ->check(CLI::PositiveNumber);
  app.add_option("--data", options.data, "random: uniform on the sphere; clustered: embedding-like")
      ->check(CLI::IsMember({"random", "clustered"}));
  app.add_option("--plans", options.plans,
                 "scan: the compressed codes (what the engine does up to its scan budget); graph: the hnswlib graph")
      ->delimiter(',')
      ->check(CLI::IsMember({"scan", "graph"}));
  app.add_option("--seed", options.seed, "random seed");
  CLI11_PARSE(app, argc, argv);
  return killrvideo::benchmarks::run(options);
}
