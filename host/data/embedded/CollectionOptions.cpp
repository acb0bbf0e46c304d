#include "data/embedded/CollectionOptions.h"

#include <nlohmann/json.hpp>

#include "data/embedded/ApiError.h"
#include "data/embedded/CommandBody.h"

namespace killrvideo::host::embedded {

namespace {

using json = nlohmann::ordered_json;

[[noreturn]] void invalid_options(const std::string& why) {
  fail("SCHEMA", "INVALID_CREATE_COLLECTION_OPTIONS", "'createCollection' command option(s) invalid: " + why);
}

json parse_vector_options(const json& vector, CollectionDef& collection) {
  require_known_fields(vector, {"dimension", "metric", "sourceModel", "service"}, "createCollection options.vector");
  const auto dimension = integer_option(vector, "dimension", 1, 4096);
  const bool service = vector.contains("service") && !vector["service"].is_null();
  if (!dimension)
    invalid_options(service ? "this local server needs 'vector.dimension' also with an embedding service"
                            : "'vector.dimension' is required without an embedding service");
  if (service) {
    const json& declared = vector["service"];
    if (!declared.is_object() || !declared.contains("provider") || !declared["provider"].is_string() ||
        !declared.contains("modelName") || !declared["modelName"].is_string())
      invalid_options("'vector.service' needs a string 'provider' and 'modelName', got " + declared.dump());
  }
  collection.dimension = static_cast<int>(*dimension);
  const std::string metric = string_option(vector, "metric").value_or("cosine");
  if (!parse_vector_metric(metric, collection.metric)) invalid_options("unknown 'vector.metric' " + metric);
  json normalized = {{"dimension", collection.dimension},
                     {"metric", metric},
                     {"sourceModel", string_option(vector, "sourceModel").value_or("other")}};
  if (service) normalized["service"] = vector["service"];
  return normalized;
}

}  // namespace

CollectionDef parse_collection_options(const json& options) {
  require_known_fields(options, {"vector", "indexing", "defaultId", "lexical", "rerank"}, "createCollection options");
  CollectionDef collection;
  json normalized = json::object();
  const json& vector = object_field(options, "vector");
  if (!vector.empty()) normalized["vector"] = parse_vector_options(vector, collection);
  const json& default_id = object_field(options, "defaultId");
  if (!default_id.empty()) {
    const auto type = string_option(default_id, "type");
    if (!type || *type != "uuid")
      invalid_options("this engine generates 'uuid' ids only, got defaultId " + default_id.dump());
    normalized["defaultId"] = default_id;
  }
  const json& indexing = object_field(options, "indexing");
  if (!indexing.empty()) normalized["indexing"] = indexing;
  collection.options_json = normalized.dump();
  return collection;
}

}  // namespace killrvideo::host::embedded
