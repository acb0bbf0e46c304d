#pragma once
// Vectorize (data-api-wire §2, §3.1, §5): text where a vector goes — in a vector column declared with a
// `service`, or as a collection's `$vectorize` — is embedded by the database. This engine has no embedding
// service of its own; the host hands it one of its providers (EngineOptions::vectorize), which stands in for
// every declared service. Text is turned into vectors here, before a command takes the write lock, so the
// rest of the engine only ever sees vectors. Without a provider, text is refused with
// VECTORIZE_FEATURE_NOT_AVAILABLE, never embedded some other way.

#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "data/embedded/SchemaObject.h"

namespace killrvideo::plugin {
class Embedder;
}

namespace killrvideo::host::embedded {

// Whether a collection was created with a vectorize service (options.vector.service).
bool has_vectorize_service(const SchemaObject& collection);

class Vectorize {
 public:
  // `provider` may be null (no vectorize here); it outlives this object.
  explicit Vectorize(plugin::Embedder* provider) : provider_(provider) {}

  // For createTable, createCollection and alterTable: a service declared on `column` needs a provider that
  // makes vectors of the declared dimension.
  void check_service(const std::string& column, int dimension) const;

  // Table rows (insertOne/insertMany documents): text in vectorize columns becomes its embedding, one
  // provider batch for all of them. Text in other vector columns is left for the write to refuse.
  nlohmann::ordered_json table_rows(const TableDef& table, nlohmann::ordered_json rows) const;
  // A table update: text $set on a vectorize column becomes its embedding.
  nlohmann::ordered_json table_update(const TableDef& table, nlohmann::ordered_json update) const;
  // A table sort {"column": "text"} on a vectorize column becomes a vector sort by the text's query
  // embedding.
  nlohmann::ordered_json table_sort(const TableDef& table, nlohmann::ordered_json sort) const;

  // Collection documents: `$vectorize` text gets its embedding as `$vector` (the text is kept, as the Data
  // API keeps it). On a collection without a service: EMBEDDING_SERVICE_NOT_CONFIGURED.
  nlohmann::ordered_json collection_documents(const SchemaObject& collection, nlohmann::ordered_json documents) const;
  // A collection sort {"$vectorize": "text"} becomes {"$vector": <query embedding>}.
  nlohmann::ordered_json collection_sort(const SchemaObject& collection, nlohmann::ordered_json sort) const;

 private:
  plugin::Embedder& provider(const std::string& what) const;
  std::vector<std::vector<float>> documents(const std::vector<std::string>& texts, int dimension) const;
  std::vector<float> query(const std::string& text, int dimension) const;

  plugin::Embedder* provider_;
};

}  // namespace killrvideo::host::embedded
