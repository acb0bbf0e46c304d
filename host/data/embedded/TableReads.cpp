#include "data/embedded/TableReads.h"

#include <algorithm>
#include <limits>
#include <memory>
#include <unordered_map>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "data/embedded/CommandBody.h"
#include "data/embedded/LexicalRanking.h"
#include "data/embedded/PageState.h"
#include "data/embedded/ParallelRanges.h"
#include "data/embedded/SpareReaders.h"
#include "data/embedded/TableFilter.h"
#include "data/embedded/TableProjection.h"
#include "data/embedded/TableReadWarnings.h"
#include "data/embedded/RowDecoder.h"
#include "data/embedded/TableSort.h"
#include "data/embedded/TextIndex.h"
#include "data/embedded/VectorCodec.h"

namespace killrvideo::host::embedded {

namespace {

using json = nlohmann::ordered_json;

constexpr std::int64_t kMaxInMemorySortRows = 10000;
constexpr std::int64_t kMaxVectorSortLimit = 1000;
constexpr std::int64_t kMaxLexicalSortLimit = 1000;
constexpr std::int64_t kNoLimit = std::numeric_limits<std::int64_t>::max();
// An ANN read of at least twice this many rows scores its candidates exactly on more than one thread.
constexpr std::size_t kMinResultsPerScoringThread = 50;
// A lexical read of at least twice this many rows reads them on more than one thread.
constexpr std::size_t kMinRowsPerReadingThread = 128;
// ...claiming this many ranked rows at a time.
constexpr std::size_t kRowsPerClaim = 32;

struct FindRequest {
  const Command& command;
  const SchemaObject& object;
  bool find_one;
  json options;
  CompiledFilter filter;
  std::vector<std::string> columns;
  TableSortPlan plan;
  std::int64_t limit = kNoLimit;
  std::int64_t skip = 0;
};

std::string from_where(const FindRequest& request) {
  return " FROM " + quote_identifier(request.object.storage_table()) + " WHERE " + request.filter.where;
}

json select_rows(Connection& connection, const FindRequest& request, const std::string& order_by, std::int64_t count,
                 std::int64_t offset) {
  auto query = connection.prepare("SELECT " + select_list(request.columns) + from_where(request) + " ORDER BY " +
                                  order_by + " LIMIT ? OFFSET ?");
  query.bind_all(request.filter.params);
  const int next = static_cast<int>(request.filter.params.size());
  query.bind(next + 1, count).bind(next + 2, offset);
  const RowDecoder decoder(request.object.table, request.columns);
  json rows = json::array();
  while (query.step()) rows.push_back(decoder.read(query));
  return rows;
}

// Storage or clustering order: pages of page_size rows, `limit` capping the total across pages.
json paged_read(EngineState& state, Connection& connection, const FindRequest& request) {
  const std::uint64_t fingerprint =
      query_fingerprint(request.command.keyspace, request.object.name, request.command.name, request.command.body);
  const std::int64_t offset = static_cast<std::int64_t>(decode_page_state(request.options, fingerprint));
  const std::int64_t page = std::min<std::int64_t>(request.find_one ? 1 : state.page_size, request.limit - offset);
  if (page <= 0) return page_of(json::array());
  json rows = select_rows(connection, request, request.plan.order_by, page + 1, offset);
  json next = nullptr;
  if (static_cast<std::int64_t>(rows.size()) > page) {
    rows.erase(rows.end() - 1);
    if (offset + page < request.limit) next = encode_page_state(static_cast<std::uint64_t>(offset + page), fingerprint);
  }
  return page_of(std::move(rows), std::move(next));
}

std::int64_t count_matches(Connection& connection, const FindRequest& request) {
  auto query = connection.prepare("SELECT COUNT(*)" + from_where(request));
  query.bind_all(request.filter.params);
  query.step();
  return query.column_int(0);
}

// Any other regular sort or any skip: at most 10 000 rows sorted, one page of
// min(limit, page size) rows, no continuation.
json in_memory_read(EngineState& state, Connection& connection, const FindRequest& request, CommandResult& result) {
  if (has_page_state(request.options))
    fail("SORT", "UNSUPPORTED_PAGINATION_WITH_IN_MEMORY_SORTING",
         "Pagination is not supported when the data is sorted in-memory; resend the command without pageState.");
  const std::int64_t matching = count_matches(connection, request);
  if (matching > kMaxInMemorySortRows)
    fail("SORT", "OVERLOADED_SORT_ROW_LIMIT",
         "The command used in-memory sorting which has a limit of 10000 rows. Resend the command using a more specific "
         "filter to reduce the number of rows sorted.");
  result.warnings.push_back(make_warning(request.plan.in_memory_reason,
                                         "The command was executed using in memory sorting rather than taking advantage "
                                         "of the partition sorting on disk."));
  result.status["sortedRowCount"] = matching;
  const std::int64_t page = std::min<std::int64_t>(request.find_one ? 1 : state.page_size, request.limit);
  return page_of(select_rows(connection, request, request.plan.order_by, page, request.skip));
}

std::unordered_set<std::int64_t> matching_rowids(Connection& connection, const FindRequest& request) {
  auto query = connection.prepare("SELECT rowid" + from_where(request));
  query.bind_all(request.filter.params);
  std::unordered_set<std::int64_t> rowids;
  while (query.step()) rowids.insert(query.column_int(0));
  return rowids;
}

// ANN: up to `limit` rows (≤1000), most similar first, filtered through `accept` when there is a filter.
json vector_read(EngineState& state, Connection& connection, const FindRequest& request, CommandResult& result) {
  if (request.limit != kNoLimit && request.limit > kMaxVectorSortLimit)
    fail("SORT", "CANNOT_VECTOR_SORT_WITH_LIMIT_EXCEEDS_MAX",
         "Vector sorting is limited to a maximum of 1000 rows; the command used a limit of " +
             std::to_string(request.limit) + ".");
  const std::size_t k = request.find_one ? 1 : static_cast<std::size_t>(std::min(request.limit, kMaxVectorSortLimit));
  std::function<bool(std::int64_t)> accept;
  std::unordered_set<std::int64_t> allowed;
  if (!request.filter.empty()) {
    allowed = matching_rowids(connection, request);
    accept = [&allowed](std::int64_t rowid) { return allowed.count(rowid) > 0; };
  }
  const IndexDef& index = *request.object.table.vector_index_on(request.plan.vector_column);
  // The rows are read with the vectors the index scores exactly, by each connection's thread into a map of
  // its own; those that make the k best are answered.
  const SpareReaders spares(state.database, range_count(k, kMinResultsPerScoringThread) - 1);
  const std::vector<Connection*> connections = spares.with(connection);
  std::vector<std::unordered_map<std::int64_t, json>> candidate_rows(connections.size());
  const RowDecoder decoder(request.object.table, request.columns);
  const CandidateRowReader row_reader{
      select_list(request.columns), [&](std::size_t reader, std::int64_t rowid, const Statement& row) {
        candidate_rows[reader][rowid] = decoder.read(row, 1);
      }};
  std::vector<std::pair<float, json>> rows;  // most similar first, as the index answers
  for (const auto& hit :
       state.vectors.search(connections, request.object.id, index.column, request.plan.vector, k, accept, &row_reader))
    for (auto& read : candidate_rows)
      if (const auto row = read.find(hit.id); row != read.end()) {
        rows.emplace_back(hit.similarity, std::move(row->second));
        break;
      }
  const bool include_similarity = bool_option(request.options, "includeSimilarity");
  json documents = json::array();
  for (auto& [score, document] : rows) {
    if (include_similarity) document["$similarity"] = float_to_json(score);
    documents.push_back(std::move(document));
  }
  if (bool_option(request.options, "includeSortVector")) result.status["sortVector"] = vector_to_json(request.plan.vector);
  return page_of(std::move(documents));
}

// The rows of ranked[first, end) that pass the request's filter, in rank order. A long run is read on spare
// readers, one thread each, in chunks the threads claim (ParallelRanges.h): a thread that starts late or
// runs slow reads fewer.
std::vector<json> passing_rows(EngineState& state, Connection& connection, const FindRequest& request,
                               const std::vector<std::int64_t>& ranked, std::size_t first, std::size_t end) {
  const SpareReaders spares(state.database, range_count(end - first, kMinRowsPerReadingThread) - 1);
  const std::vector<Connection*> connections = spares.with(connection);
  const std::string sql = "SELECT " + select_list(request.columns) + from_where(request) + " AND rowid = ?";
  const RowDecoder decoder(request.object.table, request.columns);
  std::vector<std::unique_ptr<Statement>> statements(connections.size());  // each thread's, made at its first chunk
  std::vector<json> read(end - first);                                     // null: the row does not pass
  const auto read_chunk = [&](std::size_t worker, std::size_t begin, std::size_t stop) {
    if (!statements[worker]) statements[worker].reset(new Statement(connections[worker]->prepare(sql)));
    Statement& row = *statements[worker];
    for (std::size_t at = begin; at < stop; ++at) {
      row.reset();
      row.bind_all(request.filter.params);
      row.bind(static_cast<int>(request.filter.params.size()) + 1, ranked[first + at]);
      if (row.step()) read[at] = decoder.read(row);
    }
  };
  for_each_chunk(end - first, connections.size(), kRowsPerClaim, read_chunk);
  std::vector<json> passing;
  passing.reserve(read.size());
  for (auto& document : read)
    if (!document.is_null()) passing.push_back(std::move(document));
  return passing;
}

// Lexical sort: the text index ranks the matching rowids (BM25, best first) and rows are read, each checked
// against the rest of the filter, until `limit` rows (at most 1000; a larger limit is capped, as the Data
// API does) are found: the next as many ranked rows as are still missing at a time, so a page of N rows
// reads about N rows when the filter passes them. One page, no continuation, like an ANN sort.
json lexical_read(EngineState& state, Connection& connection, const FindRequest& request) {
  const auto wanted = static_cast<std::size_t>(request.find_one ? 1 : std::min(request.limit, kMaxLexicalSortLimit));
  json documents = json::array();
  if (!request.plan.lexical_terms.empty()) {
    const TextIndex index(request.object.storage_table(), *request.object.table.text_index_on(request.plan.lexical_column));
    const auto ranked = ranked_rowids(state.database, connection, index, request.plan.lexical_terms);
    for (std::size_t next = 0; documents.size() < wanted && next < ranked.size();) {
      const auto end = std::min(ranked.size(), next + (wanted - documents.size()));
      for (auto& document : passing_rows(state, connection, request, ranked, next, end))
        documents.push_back(std::move(document));
      next = end;
    }
  }
  return page_of(std::move(documents));
}

void read_options(FindRequest& request) {
  const json& body = request.command.body;
  require_known_fields(body, {"filter", "projection", "sort", "options"}, request.command.name);
  request.options = object_field(body, "options");
  if (request.find_one) {
    require_known_fields(request.options, {"includeSimilarity", "includeSortVector"}, "findOne options");
    return;
  }
  require_known_fields(request.options, {"limit", "skip", "pageState", "pagingState", "includeSimilarity", "includeSortVector"},
                       "find options");
  request.limit = integer_option(request.options, "limit", 1, kNoLimit).value_or(kNoLimit);
  request.skip = integer_option(request.options, "skip", 0, kNoLimit).value_or(0);
}

}  // namespace

CommandResult table_find(EngineState& state, const Command& command, const SchemaObject& table) {
  FindRequest request{command, table, command.name == "findOne", json::object(), {}, {}, {}};
  read_options(request);
  const json& filter = object_field(command.body, "filter");
  request.filter = compile_table_filter(table, filter);
  request.columns = table_projection(table.table, object_field(command.body, "projection"));
  const bool has_skip = request.options.contains("skip") && !request.options["skip"].is_null();
  request.plan = plan_table_sort(table.table, state.vectorize.table_sort(table.table, object_field(command.body, "sort")),
                                 request.filter, has_skip);
  if (request.plan.kind == TableSortPlan::Kind::Lexical) request.filter = compile_table_filter(table, filter, MatchForm::PerRow);

  CommandResult result;
  // The Data API suppresses ZERO_FILTER_OPERATIONS for ANN sorts only, not for lexical ones.
  result.warnings = table_filter_warnings(table, request.filter, request.plan.kind == TableSortPlan::Kind::Vector);
  auto lease = state.database.reader();
  Transaction snapshot(lease.connection(), false);
  json page;
  if (request.plan.kind == TableSortPlan::Kind::Vector) page = vector_read(state, lease.connection(), request, result);
  else if (request.plan.kind == TableSortPlan::Kind::Lexical) page = lexical_read(state, lease.connection(), request);
  else if (request.plan.kind == TableSortPlan::Kind::InMemory) page = in_memory_read(state, lease.connection(), request, result);
  else page = paged_read(state, lease.connection(), request);
  snapshot.commit();
  result.status["projectionSchema"] = projection_schema(table.table, request.columns);
  if (request.find_one) {
    result.data = {{"document", page["documents"].empty() ? json(nullptr) : page["documents"][0]}};
  } else {
    result.data = std::move(page);
  }
  return result;
}

}  // namespace killrvideo::host::embedded
