#pragma once
// Both search modes read a ranked list (ANN or text relevance) that the Data API caps at 1000 rows and
// cannot count. The answer's total needs every hit, so the read starts small and grows until it has
// them all, or reaches the cap: a query with few hits reads few rows.

#include <cstddef>
#include <functional>
#include <vector>

#include <nlohmann/json.hpp>

namespace killrvideo::search {

using Row = nlohmann::ordered_json;

// The Data API's cap on a vector or lexical sort (data-api-wire §4.2): the most hits a search reports.
inline constexpr std::size_t kMaxRankedHits = 1000;
inline constexpr std::size_t kFirstRankedRead = 100;
inline constexpr std::size_t kRankedReadGrowth = 4;

// `read(limit)` answers up to `limit` rows in rank order; `past_last_hit(rows)` says whether the rows
// already run past the last hit (a similarity under the threshold). Reads again with a larger limit
// until the rows are fewer than asked, run past the last hit, or the cap was asked for.
std::vector<Row> read_all_hits(const std::function<std::vector<Row>(std::size_t limit)>& read,
                               const std::function<bool(const std::vector<Row>& rows)>& past_last_hit);

}  // namespace killrvideo::search
