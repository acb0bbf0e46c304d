#include "RankedReads.h"

#include <algorithm>

namespace killrvideo::search {

std::vector<Row> read_all_hits(const std::function<std::vector<Row>(std::size_t limit)>& read,
                               const std::function<bool(const std::vector<Row>& rows)>& past_last_hit) {
  std::size_t limit = kFirstRankedRead;
  while (true) {
    std::vector<Row> rows = read(limit);
    if (rows.size() < limit || limit == kMaxRankedHits || past_last_hit(rows)) return rows;
    limit = std::min(kMaxRankedHits, limit * kRankedReadGrowth);
  }
}

}  // namespace killrvideo::search
