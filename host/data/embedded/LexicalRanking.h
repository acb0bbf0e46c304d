#pragma once
// The rows a table's text index matches, best first (BM25), for a lexical sort.
//
// BM25 is computed for every matching row before the first is returned (kv_bm25, Bm25Function.h: about
// 0.4 µs each; a common word in 100,000 videos matches 4,000 of them). On a large table the rowids are split
// in ranges ranked at once, each on its own reader (SpareReaders.h), and the ranked lists merged. BM25's statistics
// (row count, average length, each term's document count) are the whole index's in every range, so the
// ranks compare across them; equal ranks go by rowid, so the order never depends on the split.

#include <cstdint>
#include <string>
#include <vector>

#include "data/embedded/Database.h"
#include "data/embedded/Sqlite.h"
#include "data/embedded/TextIndex.h"

namespace killrvideo::host::embedded {

// The rowids of the rows matching the FTS5 `expression`, best first. `connection` is the command's reader,
// in its transaction.
std::vector<std::int64_t> ranked_rowids(Database& database, Connection& connection, const TextIndex& index,
                                        const std::string& expression);

}  // namespace killrvideo::host::embedded
