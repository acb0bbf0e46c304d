#include "SimilarVideos.h"

#include <algorithm>

#include "killrvideo/plugin/data/FindOptions.h"
#include "killrvideo/plugin/data/Projection.h"
#include "killrvideo/plugin/data/Sort.h"

#include "CatalogTables.h"

namespace killrvideo::recommendations {

using plugin::data::Filter;
using plugin::data::FindOptions;
using plugin::data::Projection;
using plugin::data::Sort;

SimilarVideos::SimilarVideos(plugin::DataClient& data) : videos_(data, catalog::kVideosTable) {}

std::vector<Row> SimilarVideos::ann_rows(const std::vector<float>& query, std::size_t limit) const {
  const auto options = FindOptions()
                           .sort(Sort::by_vector("content_features", query))
                           .projection(Projection::include(
                               {"videoid", "name", "preview_image_location", "added_date", "status", "tags"}))
                           .limit(static_cast<int>(limit))
                           .include_similarity();
  return videos_.find(Filter(), options).documents;
}

std::vector<ScoredVideo> SimilarVideos::nearest(const std::vector<float>& query, std::size_t wanted,
                                                const std::set<std::string>& excluded) const {
  std::size_t limit = std::min(kMaxVectorSortLimit, wanted + excluded.size());
  while (true) {
    const std::vector<Row> rows = ann_rows(query, limit);
    std::vector<ScoredVideo> kept;
    for (const Row& row : rows) {
      if (kept.size() == wanted) break;
      if (excluded.count(row.at("videoid").get<std::string>()) != 0 || !is_recommendable(row)) continue;
      kept.push_back({row, plugin::data::similarity_of(row)});
    }
    const bool index_exhausted = rows.size() < limit || limit == kMaxVectorSortLimit;
    if (kept.size() == wanted || index_exhausted) return kept;
    limit = std::min(kMaxVectorSortLimit, limit * 2);
  }
}

}  // namespace killrvideo::recommendations
