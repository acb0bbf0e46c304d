#include "VideoCorpus.h"

#include <chrono>
#include <cstdio>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "CatalogTables.h"
#include "data/embedded/EmbeddedEngine.h"
#include "killrvideo/plugin/data/Vectors.h"

namespace killrvideo::benchmarks {

namespace {

using json = nlohmann::ordered_json;
using host::embedded::EmbeddedEngine;

constexpr const char* kKeyspace = "killrvideo";  // the keyspace the server's embedded backend uses
constexpr std::size_t kInsertManyBatch = 100;     // the Data API's per-request maximum

void require_ok(const json& response, const std::string& what) {
  if (response.contains("errors")) throw std::runtime_error(what + " failed: " + response.dump());
}

json video_row(std::size_t row, const float* vector, std::size_t dimension) {
  return {{"videoid", corpus_video_id(row)},
          {"userid", corpus_video_id(row % 1000 + 10'000'000)},
          {"name", "Video number " + std::to_string(row)},
          {"added_date", "2025-06-01T10:15:00.000Z"},
          {"preview_image_location", "https://i.ytimg.com/vi/abcdefghijk/hqdefault.jpg"},
          {"status", "READY"},
          {"content_features", plugin::data::vector_to_json(std::vector<float>(vector, vector + dimension))}};
}

void create_videos_table(EmbeddedEngine& engine, std::size_t dimension) {
  const auto spec = catalog::videos_table(dimension);
  require_ok(engine.execute(kKeyspace, "", spec.create_table_command(true)), "createTable videos");
  for (const auto& index : spec.create_index_commands(true)) {
    require_ok(engine.execute(kKeyspace, catalog::kVideosTable, index), "create index " + index.dump());
  }
}

}  // namespace

std::string corpus_video_id(std::size_t row) {
  char id[64];
  std::snprintf(id, sizeof id, "%08zx-0000-4000-8000-%012zx", row >> 16, row);
  return id;
}

double write_video_corpus(const std::filesystem::path& data_dir, const UnitVectors& vectors) {
  const auto start = std::chrono::steady_clock::now();
  EmbeddedEngine engine({data_dir});
  create_videos_table(engine, vectors.dimension());
  for (std::size_t begin = 0; begin < vectors.count(); begin += kInsertManyBatch) {
    json documents = json::array();
    for (std::size_t row = begin; row < std::min(begin + kInsertManyBatch, vectors.count()); ++row) {
      documents.push_back(video_row(row, vectors.row(row), vectors.dimension()));
    }
    require_ok(engine.execute(kKeyspace, catalog::kVideosTable, {{"insertMany", {{"documents", std::move(documents)}}}}),
               "insertMany");
  }
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace killrvideo::benchmarks
