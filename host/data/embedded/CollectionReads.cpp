#include "data/embedded/CollectionReads.h"

#include <algorithm>
#include <limits>

#include "data/embedded/CollectionOrder.h"
#include "data/embedded/CollectionProjection.h"
#include "data/embedded/CommandBody.h"
#include "data/embedded/DocumentFilter.h"
#include "data/embedded/PageState.h"
#include "data/embedded/VectorCodec.h"

namespace killrvideo::host::embedded {

namespace {

using json = nlohmann::ordered_json;

constexpr std::int64_t kNoLimit = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMaxVectorSortLimit = 1000;
constexpr std::size_t kCountUpperBound = 1000;

struct Window {
  std::int64_t first = 0;
  std::int64_t count = 0;
  json next_state = nullptr;
};

std::int64_t clamp_count(std::int64_t a, std::int64_t b, std::int64_t c) { return std::max<std::int64_t>(0, std::min({a, b, c})); }

// Which of the ranked documents this request returns, and the state of the next page if any.
// Unsorted finds page by position in _id order; the state holds the absolute position.
Window window(EngineState& state, const Command& command, const SchemaObject& collection, const json& options,
              const CollectionSort& sort, std::size_t available, bool find_one) {
  const std::int64_t limit = find_one ? 1 : integer_option(options, "limit", 1, kNoLimit).value_or(kNoLimit);
  const std::int64_t skip = find_one ? 0 : integer_option(options, "skip", 0, kNoLimit).value_or(0);
  const auto total = static_cast<std::int64_t>(available);
  const auto page_size = static_cast<std::int64_t>(state.page_size);
  if (sort.vector) return {0, clamp_count(limit, kMaxVectorSortLimit, total), nullptr};
  if (!sort.empty()) return {skip, clamp_count(limit, page_size, total - skip), nullptr};
  const std::uint64_t fingerprint = query_fingerprint(command.keyspace, collection.name, command.name, command.body);
  const std::int64_t start = has_page_state(options) ? static_cast<std::int64_t>(decode_page_state(options, fingerprint)) : skip;
  const std::int64_t served_before = start - skip;
  Window result{start, clamp_count(page_size, limit - served_before, total - start), nullptr};
  if (!find_one && start + result.count < total && served_before + result.count < limit)
    result.next_state = encode_page_state(static_cast<std::uint64_t>(start + result.count), fingerprint);
  return result;
}

void check_find_options(const Command& command, const json& options, const json& sort) {
  const bool find_one = command.name == "findOne";
  if (find_one) require_known_fields(options, {"includeSimilarity", "includeSortVector"}, "findOne options");
  else require_known_fields(options, {"limit", "skip", "pageState", "pagingState", "includeSimilarity", "includeSortVector"},
                            "find options");
  if (!sort.empty() && has_page_state(options))
    fail("SORT", "SORT_CLAUSE_INVALID", "Sort clause used by command not valid: a sorted find cannot be paged with pageState.");
  if (sort.contains("$vector") && options.contains("skip"))
    fail("SORT", "CANNOT_VECTOR_SORT_WITH_SKIP_OPTION", "Skip option cannot be used with vector sort.");
  if (sort.contains("$vector") && integer_option(options, "limit", 1, kNoLimit).value_or(0) > kMaxVectorSortLimit)
    fail("SORT", "CANNOT_VECTOR_SORT_WITH_LIMIT_EXCEEDS_MAX", "Vector sorting is limited to a maximum of 1000 documents.");
}

}  // namespace

CommandResult collection_find(EngineState& state, const Command& command, const SchemaObject& collection) {
  require_known_fields(command.body, {"filter", "projection", "sort", "options"}, command.name);
  const json& options = object_field(command.body, "options");
  const json& filter = object_field(command.body, "filter");
  const json& projection = object_field(command.body, "projection");
  const json& sort_clause = object_field(command.body, "sort");
  check_find_options(command, options, sort_clause);
  validate_document_filter(filter);
  validate_collection_projection(projection);
  const CollectionSort sort = parse_collection_sort(collection, state.vectorize.collection_sort(collection, sort_clause));
  const bool find_one = command.name == "findOne";
  const std::int64_t limit = integer_option(options, "limit", 1, kNoLimit).value_or(kMaxVectorSortLimit);

  auto lease = state.database.reader();
  Transaction snapshot(lease.connection(), false);
  CollectionStore store(lease.connection(), collection);
  const auto ranked = ranked_documents(state, store, collection, filter, sort,
                                       static_cast<std::size_t>(find_one ? 1 : std::min(limit, kMaxVectorSortLimit)));
  snapshot.commit();

  const Window page = window(state, command, collection, options, sort, ranked.size(), find_one);
  const bool include_similarity = bool_option(options, "includeSimilarity");
  json documents = json::array();
  for (std::int64_t i = page.first; i < page.first + page.count; ++i) {
    const RankedDocument& entry = ranked[static_cast<std::size_t>(i)];
    json document = project_document(entry.stored.document, projection);
    if (include_similarity && entry.similarity) document["$similarity"] = float_to_json(*entry.similarity);
    documents.push_back(std::move(document));
  }
  CommandResult result;
  if (sort.vector && bool_option(options, "includeSortVector")) result.status["sortVector"] = vector_to_json(*sort.vector);
  if (find_one) result.data = {{"document", documents.empty() ? json(nullptr) : documents[0]}};
  else result.data = page_of(std::move(documents), page.next_state);
  return result;
}

CommandResult collection_count(EngineState& state, const Command& command, const SchemaObject& collection) {
  CommandResult result;
  auto lease = state.database.reader();
  CollectionStore store(lease.connection(), collection);
  if (command.name == "estimatedDocumentCount") {
    require_known_fields(command.body, {}, command.name);
    result.status["count"] = store.count_all();
    return result;
  }
  require_known_fields(command.body, {"filter", "options"}, command.name);
  require_known_fields(object_field(command.body, "options"), {}, "countDocuments options");
  const json& filter = object_field(command.body, "filter");
  validate_document_filter(filter);
  const std::size_t count = store.matching(filter).size();
  result.status["count"] = std::min(count, kCountUpperBound);
  if (count > kCountUpperBound) result.status["moreData"] = true;
  return result;
}

}  // namespace killrvideo::host::embedded
