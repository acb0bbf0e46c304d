// killrvideo-bench-text: the embedded engine's table text index, in-process through the same execute() the
// server calls: loading rows with the index in place, building it over rows already stored, and the
// latency of $match filters and lexical (BM25) sorts over words of every frequency. Prints markdown
// tables; TEXT.md holds the measured figures.

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "data/embedded/EmbeddedEngine.h"

namespace {

using killrvideo::host::embedded::EmbeddedEngine;
using json = nlohmann::ordered_json;
using Clock = std::chrono::steady_clock;

constexpr const char* kKeyspace = "bench";
constexpr std::size_t kInsertManyBatch = 100;  // the Data API's per-request maximum
constexpr std::size_t kVocabulary = 5000;
constexpr std::size_t kWordsPerDescription = 30;

struct Settings {
  std::size_t rows = 100'000;
  std::size_t queries = 2'000;
};

// Word k of a Zipf-distributed vocabulary, as in natural text: "word0" is in nearly every description,
// "word4000" in a handful.
class Descriptions {
 public:
  Descriptions() {
    std::vector<double> weights(kVocabulary);
    for (std::size_t k = 0; k < kVocabulary; ++k) weights[k] = 1.0 / static_cast<double>(k + 1);
    pick_ = std::discrete_distribution<std::size_t>(weights.begin(), weights.end());
  }
  std::string next() {
    std::string text;
    for (std::size_t w = 0; w < kWordsPerDescription; ++w) text += (w ? " word" : "word") + std::to_string(pick_(random_));
    return text;
  }

 private:
  std::mt19937_64 random_{42};
  std::discrete_distribution<std::size_t> pick_;
};

void require_ok(const json& response, const char* what) {
  if (response.contains("errors")) {
    std::fprintf(stderr, "%s failed: %s\n", what, response.dump().c_str());
    std::exit(1);
  }
}

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

void create_table(EmbeddedEngine& engine, const std::string& name) {
  json command = json::parse(R"({"createTable":{"definition":{"columns":{
      "videoid":"int","category":"text","description":"text"},"primaryKey":"videoid"}}})");
  command["createTable"]["name"] = name;
  require_ok(engine.execute(kKeyspace, "", command), "createTable");
}

double create_text_index(EmbeddedEngine& engine, const std::string& table) {
  const auto start = Clock::now();
  require_ok(engine.execute(kKeyspace, table, {{"createTextIndex", {{"name", table + "_description"},
      {"definition", {{"column", "description"}, {"options", {{"analyzer", "english"}}}}}}}}), "createTextIndex");
  return seconds_since(start);
}

// Rows per second of insertMany batches.
double load(EmbeddedEngine& engine, const std::string& table, std::size_t rows) {
  Descriptions descriptions;
  const auto start = Clock::now();
  for (std::size_t begin = 0; begin < rows; begin += kInsertManyBatch) {
    json documents = json::array();
    for (std::size_t i = begin; i < std::min(begin + kInsertManyBatch, rows); ++i)
      documents.push_back({{"videoid", i}, {"category", i % 10 ? "other" : "education"}, {"description", descriptions.next()}});
    require_ok(engine.execute(kKeyspace, table, {{"insertMany", {{"documents", std::move(documents)}}}}), "insertMany");
  }
  return rows / seconds_since(start);
}

double percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  return values[static_cast<std::size_t>(p * (values.size() - 1))];
}

struct Query {
  const char* label;
  std::string word_range;  // which words: "wordA..wordB"
  std::size_t first_word, last_word;
  json (*command)(const std::string& terms);
};

// p50 and p99 in milliseconds of `count` runs of `command` with a random word of [first, last], and the
// mean number of rows answered; printed unless it is a warm-up.
void measure(EmbeddedEngine& engine, const std::string& table, const Query& query, std::size_t count, bool print) {
  std::mt19937_64 random(7);
  std::uniform_int_distribution<std::size_t> word(query.first_word, query.last_word);
  std::vector<double> millis;
  double rows = 0;
  for (std::size_t q = 0; q < count; ++q) {
    const json command = query.command("word" + std::to_string(word(random)));
    const auto start = Clock::now();
    const json response = engine.execute(kKeyspace, table, command);
    millis.push_back(seconds_since(start) * 1e3);
    require_ok(response, query.label);
    rows += static_cast<double>(response["data"]["documents"].size());
  }
  if (!print) return;
  std::printf("| %s | %s | %.2f | %.2f | %.1f |\n", query.label, query.word_range.c_str(), percentile(millis, 0.50),
              percentile(millis, 0.99), rows / static_cast<double>(count));
}

json lexical_top10(const std::string& terms) {
  return {{"find", {{"sort", {{"description", terms}}}, {"projection", {{"videoid", 1}}}, {"options", {{"limit", 10}}}}}};
}
json lexical_top10_filtered(const std::string& terms) {
  json command = lexical_top10(terms);
  command["find"]["filter"] = {{"category", "education"}};
  return command;
}
json match_first_page(const std::string& terms) {
  return {{"find", {{"filter", {{"description", {{"$match", terms}}}}}, {"projection", {{"videoid", 1}}}}}};
}

}  // namespace

int main(int argc, char** argv) {
  Settings settings;
  CLI::App cli{"Table text index of the embedded engine: loading, building, $match and lexical sorts, in-process."};
  cli.add_option("-n,--rows", settings.rows, "rows of the table")->capture_default_str();
  cli.add_option("-q,--queries", settings.queries, "queries measured per kind")->capture_default_str();
  CLI11_PARSE(cli, argc, argv);

  const auto dir = std::filesystem::temp_directory_path() / ("killrvideo-bench-text-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  {
    EmbeddedEngine engine({dir});
    create_table(engine, "plain");
    const double plain_rate = load(engine, "plain", settings.rows);
    const double build_seconds = create_text_index(engine, "plain");
    create_table(engine, "indexed");
    create_text_index(engine, "indexed");
    const double indexed_rate = load(engine, "indexed", settings.rows);
    std::printf("| rows | insertMany rows/s, no text index | insertMany rows/s, text index | index built over the stored rows, s |\n"
                "|---:|---:|---:|---:|\n| %zu | %.0f | %.0f | %.2f |\n\n",
                settings.rows, plain_rate, indexed_rate, build_seconds);

    std::printf("| query (%zu rows) | words | p50 ms | p99 ms | rows answered |\n|---|---|---:|---:|---:|\n", settings.rows);
    const std::vector<Query> queries = {
        {"lexical sort, limit 10", "word0..word9 (in most rows)", 0, 9, lexical_top10},
        {"lexical sort, limit 10", "word100..word199", 100, 199, lexical_top10},
        {"lexical sort, limit 10", "word3000..word4999 (rare)", 3000, 4999, lexical_top10},
        {"lexical sort, limit 10, filter category (1 row in 10)", "word100..word199", 100, 199, lexical_top10_filtered},
        {"$match, first page (50 rows, storage order)", "word0..word9 (in most rows)", 0, 9, match_first_page},
        {"$match, first page (50 rows, storage order)", "word100..word199", 100, 199, match_first_page},
        {"$match, first page (50 rows, storage order)", "word3000..word4999 (rare)", 3000, 4999, match_first_page},
    };
    for (const auto& query : queries) measure(engine, "indexed", query, settings.queries / 10, false);
    for (const auto& query : queries) measure(engine, "indexed", query, settings.queries, true);
  }
  std::filesystem::remove_all(dir);
  return 0;
}
