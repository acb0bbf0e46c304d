#include "SemanticSearch.h"

#include "killrvideo/plugin/Errors.h"
#include "killrvideo/plugin/data/DataApiError.h"
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

Sort SemanticSearch::sort_by(const std::string& query) const {
  if (embedder_.vectorize_service()) return Sort::by_vectorize("content_features", query);
  plugin::Embedding embedding = embedder_.embed_query(query);
  if (!embedding.error.empty()) throw plugin::BadRequest("Failed to generate query embedding: " + embedding.error);
  return Sort::by_vector("content_features", std::move(embedding.vector));
}

std::vector<std::string> SemanticSearch::hits(const std::string& query) const {
  const Sort sort = sort_by(query);
  const auto read = [&](std::size_t limit) {
    // The status rides along so a video removed by moderation is dropped without a second read.
    const auto options = FindOptions()
                             .sort(sort)
                             .projection(Projection::include({"videoid", "status"}))
                             .limit(static_cast<int>(limit))
                             .include_similarity();
    try {
      return videos_.find(Filter(), options).documents;
    } catch (const plugin::data::DataApiError& error) {
      // The database's embedding service refused the query: the same answer as the host's embedder failing.
      if (error.scope() != "EMBEDDING_PROVIDER") throw;
      throw plugin::BadRequest("Failed to generate query embedding: " + error.message());
    }
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
