#include "KeywordSearch.h"

#include "killrvideo/plugin/data/FindOptions.h"
#include "killrvideo/plugin/data/Projection.h"
#include "killrvideo/plugin/data/Sort.h"

#include "RankedReads.h"
#include "SearchTables.h"

namespace killrvideo::search {

using plugin::data::Filter;
using plugin::data::FindOptions;
using plugin::data::Projection;
using plugin::data::Sort;

KeywordSearch::KeywordSearch(plugin::DataClient& data) : texts_(data, kVideoTextTable) {}

std::vector<std::string> KeywordSearch::hits(const std::string& query) const {
  // A lexical read answers matching rows only: asking for the cap reads no more than the hits.
  const auto options = FindOptions()
                           .sort(Sort::by_relevance(kVideoTextColumn, query))
                           .projection(Projection::include({"videoid"}))
                           .limit(static_cast<int>(kMaxRankedHits));
  std::vector<std::string> ids;
  for (const Row& row : texts_.find(Filter(), options).documents) ids.push_back(row.at("videoid").get<std::string>());
  return ids;
}

}  // namespace killrvideo::search
