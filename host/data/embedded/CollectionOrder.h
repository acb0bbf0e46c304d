#pragma once
// Which documents a collection command sees, in what order: _id order, an in-memory regular sort,
// or an ANN $vector sort with exact similarities (data-api-wire §5, §6).

#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "data/embedded/CollectionStore.h"
#include "data/embedded/EngineState.h"

namespace killrvideo::host::embedded {

struct CollectionSort {
  std::vector<std::pair<std::string, int>> keys;  // regular sort
  std::optional<std::vector<float>> vector;       // $vector sort
  bool empty() const { return keys.empty() && !vector; }
};

struct RankedDocument {
  StoredDocument stored;
  std::optional<float> similarity;  // $vector sorts only
};

// Fails with SORT errors (bad expressions, vectors on a collection without them, $vectorize).
CollectionSort parse_collection_sort(const SchemaObject& collection, const nlohmann::ordered_json& sort);
// Matching documents in order; a vector sort returns at most `k`.
std::vector<RankedDocument> ranked_documents(EngineState& state, CollectionStore& store, const SchemaObject& collection,
                                             const nlohmann::ordered_json& filter, const CollectionSort& sort, std::size_t k);

}  // namespace killrvideo::host::embedded
