// killrvideo-bench-related: GET /videos/id/{id}/related?limit=5 over loopback HTTP against the real
// killrvideo binary (catalog + recommendations, embedded engine) holding N generated videos. Prints a
// markdown table: p50/p99 per number of concurrent clients, and recall@5 of the answers against an exact
// scan of every stored vector. RELATED.md holds the measured figures.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <curl/curl.h>

#include "ExactNeighbours.h"
#include "RelatedClient.h"
#include "ServerUnderTest.h"
#include "UnitVectors.h"
#include "VideoCorpus.h"

namespace {

using killrvideo::benchmarks::RelatedAnswer;
using killrvideo::benchmarks::RelatedClient;
using killrvideo::benchmarks::UnitVectors;
namespace fs = std::filesystem;

constexpr int kLimit = 5;

struct Options {
  std::size_t count = 100'000;
  std::vector<std::size_t> dimensions = {384, 1024};
  std::vector<unsigned> clients = {1, 16};
  std::size_t queries = 1000;
  std::size_t warmups = 50;
  std::string data = "clustered";
  unsigned seed = 42;
};

// Nearest-rank percentile of an ascending sample.
double percentile(const std::vector<double>& ascending, double fraction) {
  const auto rank = static_cast<std::size_t>(fraction * static_cast<double>(ascending.size()) + 0.999999);
  return ascending[std::clamp<std::size_t>(rank, 1, ascending.size()) - 1];
}

fs::path executable_dir() { return fs::read_symlink("/proc/self/exe").parent_path(); }

// Row numbers of the videos asked about: distinct, seeded.
std::vector<std::size_t> pick_sources(std::size_t count, std::size_t queries, unsigned seed) {
  std::vector<std::size_t> rows(count);
  for (std::size_t i = 0; i < count; ++i) rows[i] = i;
  std::shuffle(rows.begin(), rows.end(), std::mt19937_64(seed + 1));
  rows.resize(std::min(queries, count));
  return rows;
}

// The exact 5 nearest videos of each source, the source itself left out, as ids.
std::vector<std::vector<std::string>> exact_related(const UnitVectors& vectors, const std::vector<std::size_t>& sources) {
  UnitVectors queries(sources.size(), vectors.dimension());
  for (std::size_t q = 0; q < sources.size(); ++q) {
    std::copy(vectors.row(sources[q]), vectors.row(sources[q]) + vectors.dimension(), queries.row(q));
  }
  const auto neighbours = killrvideo::benchmarks::exact_neighbours(killrvideo::host::embedded::VectorMetric::Cosine,
                                                                   vectors, queries, kLimit + 1, 2);
  std::vector<std::vector<std::string>> truth(sources.size());
  for (std::size_t q = 0; q < sources.size(); ++q) {
    for (const auto row : neighbours[q]) {
      if (static_cast<std::size_t>(row) != sources[q] && truth[q].size() < kLimit) {
        truth[q].push_back(killrvideo::benchmarks::corpus_video_id(static_cast<std::size_t>(row)));
      }
    }
  }
  return truth;
}

// Every source asked once, spread over `clients` threads each with its own connection.
std::vector<RelatedAnswer> ask_all(const std::string& base_url, const std::vector<std::size_t>& sources, unsigned clients) {
  std::vector<RelatedAnswer> answers(sources.size());
  std::vector<std::thread> threads;
  for (unsigned c = 0; c < clients; ++c) {
    threads.emplace_back([&, c] {
      RelatedClient client(base_url);
      for (std::size_t q = c; q < sources.size(); q += clients) {
        answers[q] = client.related(killrvideo::benchmarks::corpus_video_id(sources[q]), kLimit);
      }
    });
  }
  for (auto& thread : threads) thread.join();
  return answers;
}

double recall_at_5(const std::vector<RelatedAnswer>& answers, const std::vector<std::vector<std::string>>& truth) {
  std::size_t hits = 0;
  for (std::size_t q = 0; q < answers.size(); ++q) {
    for (const auto& id : answers[q].video_ids) hits += static_cast<std::size_t>(std::count(truth[q].begin(), truth[q].end(), id));
  }
  return static_cast<double>(hits) / static_cast<double>(answers.size() * kLimit);
}

void run_dimension(const Options& options, std::size_t dimension) {
  UnitVectors vectors = killrvideo::benchmarks::UnitVectorSource(options.data, dimension, options.seed).take(options.count);
  const fs::path data_dir = fs::temp_directory_path() / ("killrvideo-bench-related-" + std::to_string(::getpid()) + "-" +
                                                         std::to_string(dimension));
  fs::create_directories(data_dir);
  const double load_s = killrvideo::benchmarks::write_video_corpus(data_dir, vectors);
  const auto sources = pick_sources(options.count, options.queries, options.seed);
  const auto truth = exact_related(vectors, sources);
  {
    killrvideo::benchmarks::ServerUnderTest server({executable_dir(), data_dir, dimension});
    const std::vector<std::size_t> warmups(sources.begin(), sources.begin() + std::min(options.warmups, sources.size()));
    ask_all(server.base_url(), warmups, 1);
    for (const unsigned clients : options.clients) {
      const auto start = std::chrono::steady_clock::now();
      const auto answers = ask_all(server.base_url(), sources, clients);
      const double wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      std::vector<double> latencies;
      std::size_t failures = 0;
      for (const auto& answer : answers) {
        latencies.push_back(answer.milliseconds);
        failures += answer.status == 200 ? 0 : 1;
      }
      std::sort(latencies.begin(), latencies.end());
      std::printf("| %zu | %zu | %.1f | %u | %zu | %.3f | %.3f | %.0f | %.4f | %zu |\n", dimension, options.count, load_s,
                  clients, answers.size(), percentile(latencies, 0.5), percentile(latencies, 0.99),
                  static_cast<double>(answers.size()) / wall_s, recall_at_5(answers, truth), failures);
      std::fflush(stdout);
    }
  }
  fs::remove_all(data_dir);
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  CLI::App app{"related videos over HTTP: latency under concurrent clients and recall@5 against an exact scan"};
  app.add_option("-n,--count", options.count, "videos in the store")->check(CLI::PositiveNumber);
  app.add_option("-d,--dimensions", options.dimensions, "vector dimensions, one store and server each")->delimiter(',');
  app.add_option("-c,--clients", options.clients, "concurrent clients, one timed pass each")->delimiter(',');
  app.add_option("-q,--queries", options.queries, "related requests per pass (distinct source videos)")->check(CLI::PositiveNumber);
  app.add_option("-w,--warmups", options.warmups, "untimed requests before the passes");
  app.add_option("--data", options.data, "random: uniform on the sphere; clustered: embedding-like");
  app.add_option("--seed", options.seed, "random seed");
  CLI11_PARSE(app, argc, argv);

  curl_global_init(CURL_GLOBAL_DEFAULT);
  std::printf("| dim | videos | load s | clients | requests | p50 ms | p99 ms | req/s | recall@5 | non-200 |\n");
  std::printf("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
  for (const auto dimension : options.dimensions) run_dimension(options, dimension);
  curl_global_cleanup();
  return 0;
}
