#include "data/embedded/Vectorize.h"

#include <map>

#include <nlohmann/json.hpp>

#include "data/embedded/ApiError.h"
#include "killrvideo/plugin/HostServices.h"

namespace killrvideo::host::embedded {

namespace {

using json = nlohmann::ordered_json;

// The text a vectorize column receives: a string, the way the Data API tells text from a vector.
bool is_text_for(const TableDef& table, const std::string& column, const json& value) {
  const auto type = table.columns.find(column);
  return value.is_string() && type != table.columns.end() && type->second.is_vectorize();
}

const ColumnType& column_type(const TableDef& table, const std::string& column) { return table.columns.at(column); }

}  // namespace

bool has_vectorize_service(const SchemaObject& collection) {
  const json options = json::parse(collection.collection.options_json);
  const auto vector = options.find("vector");
  return vector != options.end() && vector->contains("service");
}

namespace {

[[noreturn]] void service_not_configured(const SchemaObject& collection) {
  fail("SCHEMA", "EMBEDDING_SERVICE_NOT_CONFIGURED",
       "Collection '" + collection.name + "' does not have embedding service configured: cannot vectorize data.");
}

}  // namespace

plugin::Embedder& Vectorize::provider(const std::string& what) const {
  if (!provider_)
    fail("SCHEMA", "VECTORIZE_FEATURE_NOT_AVAILABLE",
         "Vectorize feature is not available in the environment: " + what +
             " needs an embedding provider, and none is configured for this local server (the host's "
             "embedding.vectorize.stand_in, or killrvideo-dataapi --vectorize-local).");
  return *provider_;
}

void Vectorize::check_service(const std::string& column, int dimension) const {
  const plugin::Embedder& embedder = provider("the vectorize column '" + column + "'");
  if (static_cast<std::size_t>(dimension) != embedder.dimension())
    fail("SCHEMA", "VECTORIZE_FEATURE_NOT_AVAILABLE",
         "Vectorize feature is not available for the column '" + column + "' of dimension " +
             std::to_string(dimension) + ": the embedding provider standing in for its service makes vectors of " +
             std::to_string(embedder.dimension()) + " dimensions.");
}

namespace {

// A provider's answer as the engine stores it, or the EMBEDDING_PROVIDER error that says what was wrong.
std::vector<float> checked(plugin::Embedding embedding, int dimension, const std::string& text_name,
                           const std::string& consumer) {
  if (!embedding.error.empty())
    fail("EMBEDDING_PROVIDER", "EMBEDDING_PROVIDER_UNEXPECTED_RESPONSE",
         "The embedding provider could not vectorize " + text_name + ": " + embedding.error);
  if (embedding.vector.size() != static_cast<std::size_t>(dimension))
    fail("EMBEDDING_PROVIDER", "EMBEDDING_PROVIDER_UNEXPECTED_RESPONSE",
         "The embedding provider answered " + std::to_string(embedding.vector.size()) + " dimensions where " +
             consumer + " needs " + std::to_string(dimension) + ".");
  return std::move(embedding.vector);
}

}  // namespace

std::vector<std::vector<float>> Vectorize::documents(const std::vector<std::string>& texts, int dimension) const {
  std::vector<plugin::Embedding> embeddings = provider("vectorizing text").embed_documents(texts);
  std::vector<std::vector<float>> vectors;
  for (auto& embedding : embeddings) {
    vectors.push_back(checked(std::move(embedding), dimension, "the text", "the vector"));
  }
  return vectors;
}

std::vector<float> Vectorize::query(const std::string& text, int dimension) const {
  return checked(provider("a vectorize sort").embed_query(text), dimension, "the sort text", "the sort");
}

json Vectorize::table_rows(const TableDef& table, json rows) const {
  // Every text of every row goes to the provider in one call (it batches as it can), then back in place.
  struct Slot {
    std::size_t row;
    std::string column;
  };
  std::map<int, std::pair<std::vector<std::string>, std::vector<Slot>>> by_dimension;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (!rows[i].is_object()) continue;
    for (const auto& [column, value] : rows[i].items())
      if (is_text_for(table, column, value)) {
        auto& [texts, slots] = by_dimension[column_type(table, column).dimension];
        texts.push_back(value.get<std::string>());
        slots.push_back({i, column});
      }
  }
  for (const auto& [dimension, batch] : by_dimension) {
    const auto vectors = documents(batch.first, dimension);
    for (std::size_t i = 0; i < vectors.size(); ++i) rows[batch.second[i].row][batch.second[i].column] = vectors[i];
  }
  return rows;
}

json Vectorize::table_update(const TableDef& table, json update) const {
  if (!update.is_object() || !update.contains("$set") || !update["$set"].is_object()) return update;
  json rows = json::array({update["$set"]});
  update["$set"] = table_rows(table, std::move(rows))[0];
  return update;
}

json Vectorize::table_sort(const TableDef& table, json sort) const {
  if (!sort.is_object() || sort.size() != 1) return sort;  // a special sort alone; the planner says why not
  // The key is copied: items() hands out a proxy whose key lives only as long as its iterator.
  const std::string column = sort.begin().key();
  const json& value = sort.begin().value();
  if (!is_text_for(table, column, value)) return sort;
  const std::vector<float> vector = query(value.get<std::string>(), column_type(table, column).dimension);
  return json{{column, vector}};
}

json Vectorize::collection_documents(const SchemaObject& collection, json documents) const {
  std::vector<std::string> texts;
  std::vector<std::size_t> slots;
  for (std::size_t i = 0; i < documents.size(); ++i) {
    const json& document = documents[i];
    if (!document.is_object() || !document.contains("$vectorize") || document["$vectorize"].is_null()) continue;
    if (!has_vectorize_service(collection)) service_not_configured(collection);
    if (!document["$vectorize"].is_string())
      fail("DOCUMENT", "SHRED_BAD_VECTORIZE_VALUE", "$vectorize must be a string, got " + document["$vectorize"].dump() + ".");
    if (document.contains("$vector"))
      fail("DOCUMENT", "SHRED_BAD_DOCUMENT_VECTOR_VECTORIZE_COMBINATION",
           "A document cannot have both $vector and $vectorize.");
    texts.push_back(document["$vectorize"].get<std::string>());
    slots.push_back(i);
  }
  if (texts.empty()) return documents;
  const auto vectors = this->documents(texts, collection.collection.dimension);
  for (std::size_t i = 0; i < vectors.size(); ++i) documents[slots[i]]["$vector"] = vectors[i];
  return documents;
}

json Vectorize::collection_sort(const SchemaObject& collection, json sort) const {
  if (!sort.is_object() || !sort.contains("$vectorize")) return sort;
  if (!has_vectorize_service(collection)) service_not_configured(collection);
  if (sort.size() != 1)
    fail("SORT", "SORT_CLAUSE_INVALID", "Sort clause used by command not valid: $vectorize cannot be combined with other sorts.");
  if (!sort["$vectorize"].is_string())
    fail("SORT", "SORT_CLAUSE_INVALID", "Sort clause used by command not valid: $vectorize needs a string.");
  return json{{"$vector", query(sort["$vectorize"].get<std::string>(), collection.collection.dimension)}};
}

}  // namespace killrvideo::host::embedded
