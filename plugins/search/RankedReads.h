#pragma once
// Both search modes read a ranked list (ANN or text relevance) that the Data API caps at 1000 rows and
// cannot count, so the answer's total needs every hit. A lexical read answers only matching rows, so one
// read of the cap costs what the hits cost. An ANN read answers `limit` rows whatever their similarity,
// so semantic mode reads a first 100 and asks for the cap only when the 100th is still a hit: a query
// with few hits reads few rows, and no query reads more than 1,100.

#include <cstddef>
#include <functional>
#include <vector>

#include <nlohmann/json.hpp>

namespace killrvideo::search {

using Row = nlohmann::ordered_json;

// The Data API's cap on a vector or lexical sort (data-api-wire §4.2): the most hits a search reports.
inline constexpr std::size_t kMaxRankedHits = 1000;
inline constexpr std::size_t kFirstRankedRead = 100;

// `read(limit)` answers up to `limit` rows in rank order; `past_last_hit(rows)` says whether the rows
// already run past the last hit (a similarity under the threshold). Reads kFirstRankedRead rows, then
// the cap unless those were fewer than asked or ran past the last hit.
std::vector<Row> read_all_hits(const std::function<std::vector<Row>(std::size_t limit)>& read,
                               const std::function<bool(const std::vector<Row>& rows)>& past_last_hit);

}  // namespace killrvideo::search
