#include "data/embedded/LexicalRanking.h"

#include <algorithm>
#include <vector>

#include "data/embedded/ParallelRanges.h"
#include "data/embedded/SpareReaders.h"

namespace killrvideo::host::embedded {

namespace {

// A table's rowids are ranked in ranges of at least this many: below, a second reader costs about what it saves.
constexpr std::int64_t kMinRowidsPerRange = 16384;

struct RankedRow {
  double rank;  // bm25(), negated as FTS5's rank is: lower is better
  std::int64_t rowid;
};

bool ranks_before(const RankedRow& a, const RankedRow& b) {
  return a.rank != b.rank ? a.rank < b.rank : a.rowid < b.rowid;
}

std::int64_t highest_rowid(Connection& connection, const TextIndex& index) {
  auto query = connection.prepare(index.highest_rowid());
  return query.step() ? query.column_int(0) : 0;
}

std::vector<RankedRow> ranked_between(Connection& connection, const TextIndex& index, const std::string& expression,
                                      std::int64_t first, std::int64_t end) {
  auto query = connection.prepare(index.ranked_rowids_between());
  query.bind(1, expression).bind(2, first).bind(3, end);
  std::vector<RankedRow> rows;
  while (query.step()) rows.push_back({query.column_double(1), query.column_int(0)});
  return rows;
}

}  // namespace

std::vector<std::int64_t> ranked_rowids(Database& database, Connection& connection, const TextIndex& index,
                                        const std::string& expression) {
  const std::int64_t rowids = highest_rowid(connection, index) + 1;
  const SpareReaders spares(database, range_count(static_cast<std::size_t>(rowids), kMinRowidsPerRange) - 1);
  const auto connections = spares.with(connection);
  std::vector<std::vector<RankedRow>> parts(connections.size());
  for_each_range(static_cast<std::size_t>(rowids), connections.size(), [&](std::size_t part, std::size_t first, std::size_t end) {
    parts[part] = ranked_between(*connections[part], index, expression, static_cast<std::int64_t>(first),
                                 static_cast<std::int64_t>(end));
  });
  std::vector<RankedRow> ranked;
  for (const auto& part : parts) ranked.insert(ranked.end(), part.begin(), part.end());
  std::sort(ranked.begin(), ranked.end(), ranks_before);
  std::vector<std::int64_t> best_first;
  best_first.reserve(ranked.size());
  for (const auto& row : ranked) best_first.push_back(row.rowid);
  return best_first;
}

}  // namespace killrvideo::host::embedded
