#pragma once
// Semantic mode: the query's embedding, an ANN sort of the catalog's `videos` by `content_features`
// (cosine index), hits kept from the similarity threshold up. When the database embeds
// (Embedder::vectorize_service), the sort carries the query's text and the database embeds it.

#include <string>
#include <vector>

#include "killrvideo/plugin/HostServices.h"
#include "killrvideo/plugin/data/Sort.h"
#include "killrvideo/plugin/data/Table.h"

namespace killrvideo::search {

class SemanticSearch {
 public:
  // `threshold`: the least Data API similarity ((1 + cos) / 2) a hit has.
  SemanticSearch(plugin::DataClient& data, plugin::Embedder& embedder, double threshold);

  // Ids of the READY videos at or above the threshold, most similar first (ties in the index's order,
  // the same on every call), at most kMaxRankedHits. Throws BadRequest when the query cannot be embedded.
  std::vector<std::string> hits(const std::string& query) const;

 private:
  plugin::data::Sort sort_by(const std::string& query) const;

  plugin::data::Table videos_;
  plugin::Embedder& embedder_;
  double threshold_;
};

}  // namespace killrvideo::search
