#include "data/embedded/CollectionOrder.h"

#include <algorithm>
#include <unordered_set>

#include "data/embedded/ApiError.h"
#include "data/embedded/DocumentFilter.h"
#include "data/embedded/VectorCodec.h"
#include "data/embedded/Vectorize.h"

namespace killrvideo::host::embedded {

namespace {

using json = nlohmann::ordered_json;

constexpr std::size_t kMaxInMemorySortDocuments = 10000;

std::vector<float> sort_vector(const SchemaObject& collection, const json& value) {
  if (collection.collection.dimension == 0)
    fail("SORT", "UNSUPPORTED_VECTOR_SORT_FOR_COLLECTION",
         "The collection " + collection.keyspace + "." + collection.name + " does not have vectors enabled.");
  std::vector<float> vector;
  try {
    vector = parse_vector(value);
  } catch (const std::invalid_argument& error) {
    fail("SORT", "SORT_CLAUSE_INVALID", std::string("Sort clause used by command not valid: $vector ") + error.what() + ".");
  }
  if (static_cast<int>(vector.size()) != collection.collection.dimension)
    fail("SORT", "SORT_CLAUSE_INVALID", "Sort clause used by command not valid: the $vector has " +
                                            std::to_string(vector.size()) + " dimensions, the collection " +
                                            std::to_string(collection.collection.dimension) + ".");
  return vector;
}

std::vector<RankedDocument> regular_order(CollectionStore& store, const json& filter, const CollectionSort& sort) {
  std::vector<RankedDocument> ranked;
  for (auto& stored : store.matching(filter)) ranked.push_back({std::move(stored), std::nullopt});
  if (sort.keys.empty()) return ranked;
  if (ranked.size() > kMaxInMemorySortDocuments)
    fail("SORT", "OVERLOADED_SORT_ROW_LIMIT", "The command used in-memory sorting which has a limit of 10000 documents.");
  static const json missing = nullptr;
  std::stable_sort(ranked.begin(), ranked.end(), [&](const RankedDocument& a, const RankedDocument& b) {
    for (const auto& [path, direction] : sort.keys) {
      const json* left = find_path(a.stored.document, path);
      const json* right = find_path(b.stored.document, path);
      const json& x = left ? *left : missing;
      const json& y = right ? *right : missing;
      if (x == y) continue;
      return direction > 0 ? x < y : y < x;
    }
    return false;
  });
  return ranked;
}

std::vector<RankedDocument> vector_order(EngineState& state, CollectionStore& store, const SchemaObject& collection,
                                         const json& filter, const std::vector<float>& query, std::size_t k) {
  std::unordered_set<std::int64_t> allowed;
  std::function<bool(std::int64_t)> accept;
  if (!filter.empty()) {
    for (const auto& stored : store.matching(filter)) allowed.insert(stored.rowid);
    accept = [&allowed](std::int64_t rowid) { return allowed.count(rowid) > 0; };
  }
  std::vector<RankedDocument> ranked;
  for (const auto& hit : state.vectors.search({&store.connection()}, collection.id, "$vector", query, k, accept)) {
    auto stored = store.by_rowid(hit.id);
    if (!stored || !stored->document.contains("$vector")) continue;
    const auto vector = stored->document["$vector"].get<std::vector<float>>();
    const float score = similarity(collection.collection.metric, query.data(), vector.data(), vector.size());
    ranked.push_back({std::move(*stored), score});
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const RankedDocument& a, const RankedDocument& b) { return *a.similarity > *b.similarity; });
  return ranked;
}

}  // namespace

CollectionSort parse_collection_sort(const SchemaObject& collection, const json& sort) {
  CollectionSort parsed;
  for (const auto& [path, value] : sort.items()) {
    if (path == "$vectorize" && !has_vectorize_service(collection))
      fail("SCHEMA", "EMBEDDING_SERVICE_NOT_CONFIGURED",
           "Collection '" + collection.name + "' does not have embedding service configured: cannot vectorize data.");
    if (path == "$vectorize")  // find and findOne have embedded it (Vectorize::collection_sort)
      fail("", "COMMAND_NOT_IMPLEMENTED",
           "Sorting by $vectorize is implemented for find and findOne in this local server, not for " +
               std::string("updates, replaces and deletes; sort by $vector there."));
    if (path == "$vector") {
      if (sort.size() != 1)
        fail("SORT", "SORT_CLAUSE_INVALID", "Sort clause used by command not valid: $vector cannot be combined with other sorts.");
      parsed.vector = sort_vector(collection, value);
      continue;
    }
    if (!value.is_number_integer() || (value != 1 && value != -1))
      fail("SORT", "SORT_CLAUSE_INVALID", "Sort clause used by command not valid: '" + path + "' must be 1 or -1.");
    parsed.keys.emplace_back(path, value.get<int>());
  }
  return parsed;
}

std::vector<RankedDocument> ranked_documents(EngineState& state, CollectionStore& store, const SchemaObject& collection,
                                             const json& filter, const CollectionSort& sort, std::size_t k) {
  if (sort.vector) return vector_order(state, store, collection, filter, *sort.vector, k);
  return regular_order(store, filter, sort);
}

}  // namespace killrvideo::host::embedded
