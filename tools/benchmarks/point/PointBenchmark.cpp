// killrvideo-bench-point: primary-key point reads and inserts of the embedded engine, in-process, through
// the same execute() the server calls. Prints a markdown table; POINT.md holds the measured figures.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <thread>
#include <vector>
#include <numeric>

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "data/embedded/EmbeddedEngine.h"

namespace {

using killrvideo::host::embedded::EmbeddedEngine;
using json = nlohmann::ordered_json;
using Clock = std::chrono::steady_clock;

constexpr const char* kKeyspace = "bench";
constexpr const char* kTable = "videos";
constexpr std::size_t kInsertManyBatch = 100;  // the Data API's per-request maximum

struct Settings {
  std::size_t rows = 100'000;
  std::size_t reads = 100'000;
  std::size_t single_inserts = 10'000;
  int threads = 2;
};

std::string video_id(std::size_t i) {
  char id[64];  // 36 used: both fields stay within their widths for any row count a run can load
  std::snprintf(id, sizeof id, "%08zx-0000-4000-8000-%012zx", i >> 16, i);
  return id;
}

json video_row(std::size_t i) {
  return {{"videoid", video_id(i)},
          {"userid", video_id(i % 1000 + 10'000'000)},
          {"name", "Video number " + std::to_string(i)},
          {"description", "A video about Cassandra data modelling, part " + std::to_string(i)},
          {"added_date", "2025-06-01T10:15:00Z"},
          {"tags", {"cassandra", "tutorial"}},
          {"views", static_cast<std::int64_t>(i)}};
}

void require_ok(const json& response, const char* what) {
  if (response.contains("errors")) {
    std::fprintf(stderr, "%s failed: %s\n", what, response.dump().c_str());
    std::exit(1);
  }
}

void create_table(EmbeddedEngine& engine) {
  const json command = json::parse(R"({"createTable":{"name":"videos","definition":{"columns":{
      "videoid":"uuid","userid":"uuid","name":"text","description":"text","added_date":"timestamp",
      "tags":{"type":"set","valueType":"text"},"views":"bigint"},"primaryKey":"videoid"}}})");
  require_ok(engine.execute(kKeyspace, "", command), "createTable");
}

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

double insert_many(EmbeddedEngine& engine, std::size_t first, std::size_t count) {
  const auto start = Clock::now();
  for (std::size_t begin = first; begin < first + count; begin += kInsertManyBatch) {
    json documents = json::array();
    for (std::size_t i = begin; i < std::min(begin + kInsertManyBatch, first + count); ++i) documents.push_back(video_row(i));
    require_ok(engine.execute(kKeyspace, kTable, {{"insertMany", {{"documents", std::move(documents)}}}}), "insertMany");
  }
  return count / seconds_since(start);
}

double insert_one_by_one(EmbeddedEngine& engine, std::size_t first, std::size_t count) {
  const auto start = Clock::now();
  for (std::size_t i = first; i < first + count; ++i) {
    require_ok(engine.execute(kKeyspace, kTable, {{"insertOne", {{"document", video_row(i)}}}}), "insertOne");
  }
  return count / seconds_since(start);
}

// Latencies in microseconds of `reads` findOne calls on random existing keys.
std::vector<double> point_reads(EmbeddedEngine& engine, std::size_t rows, std::size_t reads, unsigned seed) {
  std::mt19937_64 random(seed);
  std::uniform_int_distribution<std::size_t> pick(0, rows - 1);
  std::vector<double> micros;
  micros.reserve(reads);
  for (std::size_t r = 0; r < reads; ++r) {
    const json command = {{"findOne", {{"filter", {{"videoid", video_id(pick(random))}}}}}};
    const auto start = Clock::now();
    const json response = engine.execute(kKeyspace, kTable, command);
    micros.push_back(seconds_since(start) * 1e6);
    if (response["data"]["document"].is_null()) {
      std::fprintf(stderr, "point read missed a row that exists\n");
      std::exit(1);
    }
  }
  return micros;
}

double percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  return values[static_cast<std::size_t>(p * (values.size() - 1))];
}

double concurrent_reads_per_second(EmbeddedEngine& engine, const Settings& settings) {
  std::vector<std::thread> readers;
  const std::size_t each = settings.reads / settings.threads;
  const auto start = Clock::now();
  for (int t = 0; t < settings.threads; ++t) {
    readers.emplace_back([&, t] { point_reads(engine, settings.rows, each, 1000 + t); });
  }
  for (auto& reader : readers) reader.join();
  return each * settings.threads / seconds_since(start);
}

}  // namespace

int main(int argc, char** argv) {
  Settings settings;
  CLI::App cli{"Primary-key point reads and inserts of the embedded engine, in-process."};
  cli.add_option("-n,--rows", settings.rows, "rows loaded with insertMany")->capture_default_str();
  cli.add_option("-q,--reads", settings.reads, "point reads measured")->capture_default_str();
  cli.add_option("-s,--single-inserts", settings.single_inserts, "rows inserted one insertOne at a time")
      ->capture_default_str();
  cli.add_option("-t,--threads", settings.threads, "reader threads for the throughput run")->capture_default_str();
  CLI11_PARSE(cli, argc, argv);

  const auto dir = std::filesystem::temp_directory_path() / ("killrvideo-bench-point-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  {
    EmbeddedEngine engine({dir});
    create_table(engine);
    const double many_per_second = insert_many(engine, 0, settings.rows);
    const double one_per_second = insert_one_by_one(engine, settings.rows, settings.single_inserts);
    const std::size_t total_rows = settings.rows + settings.single_inserts;
    point_reads(engine, total_rows, settings.reads / 10, 7);  // warm the page cache
    const auto micros = point_reads(engine, total_rows, settings.reads, 42);
    Settings throughput = settings;
    throughput.rows = total_rows;
    const double concurrent = concurrent_reads_per_second(engine, throughput);

    std::printf("| rows | insertMany rows/s | insertOne rows/s | read p50 µs | read p99 µs | read p99.9 µs | "
                "reads/s (1 thread) | reads/s (%d threads) |\n|---:|---:|---:|---:|---:|---:|---:|---:|\n",
                settings.threads);
    const double mean = std::accumulate(micros.begin(), micros.end(), 0.0) / micros.size();
    std::printf("| %zu | %.0f | %.0f | %.1f | %.1f | %.1f | %.0f | %.0f |\n", total_rows, many_per_second,
                one_per_second, percentile(micros, 0.50), percentile(micros, 0.99), percentile(micros, 0.999),
                1e6 / mean, concurrent);
  }
  std::filesystem::remove_all(dir);
  return 0;
}
