#pragma once
// Keyword mode: the words of the query against the text index of `video_text` (title, description,
// tags), best matches first by the index's relevance ranking (BM25).

#include <string>
#include <vector>

#include "killrvideo/plugin/HostServices.h"
#include "killrvideo/plugin/data/Table.h"

namespace killrvideo::search {

class KeywordSearch {
 public:
  explicit KeywordSearch(plugin::DataClient& data);

  // Ids of the searchable videos matching the query's words, most relevant first, at most kMaxRankedHits.
  std::vector<std::string> hits(const std::string& query) const;

 private:
  plugin::data::Table texts_;
};

}  // namespace killrvideo::search
