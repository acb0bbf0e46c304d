#include "SemanticSearch.h"

#include "killrvideo/plugin/Errors.h"
#include "killrvideo/plugin/data/FindOptions.h"
#include "killrvideo/plugin/data/Projection.h"
#include "killrvideo/plugin/data/Sort.h"

#include "CatalogTables.h"
#include "VideoJson.h"
#include "RankedReads.h"

namespace killrvideo::search {

using plugin::data::Filter;
using plugin::data::FindOptions;
using plugin::data::Projection;
using plugin::data::Sort;

SemanticSearch::SemanticSearch(plugin::DataClient& data, plugin::Embedder& embedder, double threshold)
    : videos_(data, catalog::kVideosTable), embedder_(embedder), threshold_(threshold) {}

std::vector<float> SemanticSearch::embedding_of(const std::string& query) const {
  plugin::Embedding embedding = embedder_.embed_query(query);
  if (!embedding.error.empty()) throw plugin::BadRequest("Failed to generate query embedding: " + embedding.error);
  return std::move(embedding.vector);
}

std::vector<std::string> SemanticSearch::hits(const std::string& query) const {
  const std::vector<float> vector = embedding_of(query);
  const auto read = [&](std::size_t limit) {
    // The status rides along so a video removed by moderation is dropped without a second read.
    const auto options = FindOptions()
                             .sort(Sort::by_vector("content_features", vector))
                             .projection(Projection::include({"videoid", "status"}))
                             .limit(static_cast<int>(limit))
                             .include_similarity();
    return videos_.find(Filter(), options).documents;
  };
  const auto past_last_hit = [&](const std::vector<Row>& rows) {
    return plugin::data::similarity_of(rows.back()) < threshold_;
  };
  std::vector<std::string> ids;
  for (const Row& row : read_all_hits(read, past_last_hit)) {
    if (plugin::data::similarity_of(row) < threshold_) break;
    if (catalog::status_of(row) == catalog::kStatusReady) ids.push_back(row.at("videoid").get<std::string>());
  }
  return ids;
}

}  // namespace killrvideo::search
