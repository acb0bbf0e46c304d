#pragma once
// The ANN read both endpoints are built on: `videos` sorted by closeness of `content_features` to a query
// vector, through the catalog's cosine index, with the Data API's similarity.

#include <cstddef>
#include <set>
#include <string>
#include <vector>

#include "killrvideo/plugin/HostServices.h"
#include "killrvideo/plugin/data/Table.h"

#include "Recommendable.h"

namespace killrvideo::recommendations {

// The Data API caps a vector sort at 1000 rows (data-api-wire §4.2).
inline constexpr std::size_t kMaxVectorSortLimit = 1000;

struct ScoredVideo {
  // videoid, name, preview_image_location, added_date, status and tags; never the vector.
  Row video;
  // (1 + cos) / 2: 1 same direction, 0.5 orthogonal, 0 opposite.
  double similarity = 0;
};

class SimilarVideos {
 public:
  explicit SimilarVideos(plugin::DataClient& data);

  // Up to `wanted` recommendable videos, most similar first, none of them in `excluded`. The index is
  // asked for `wanted + excluded.size()` rows — the answer plus what may be dropped — and asked again for
  // twice as many while dropped rows leave the answer short, up to the 1000-row cap. No filter goes to the
  // server: a filter on the unindexed `status` would make it read every row before the ANN.
  std::vector<ScoredVideo> nearest(const std::vector<float>& query, std::size_t wanted,
                                   const std::set<std::string>& excluded) const;

 private:
  std::vector<Row> ann_rows(const std::vector<float>& query, std::size_t limit) const;

  plugin::data::Table videos_;
};

}  // namespace killrvideo::recommendations
