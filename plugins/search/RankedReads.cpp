#include "RankedReads.h"

namespace killrvideo::search {

std::vector<Row> read_all_hits(const std::function<std::vector<Row>(std::size_t limit)>& read,
                               const std::function<bool(const std::vector<Row>& rows)>& past_last_hit) {
  std::vector<Row> first = read(kFirstRankedRead);
  if (first.size() < kFirstRankedRead || past_last_hit(first)) return first;
  return read(kMaxRankedHits);
}

}  // namespace killrvideo::search
