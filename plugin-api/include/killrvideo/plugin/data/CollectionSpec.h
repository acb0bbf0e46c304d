#pragma once
// A collection a plugin owns: the createCollection options (data-api-wire §3.2).
//
//   CollectionSpec("video_stats")
//   CollectionSpec("video_vectors").vector(384, VectorMetric::Cosine).indexing_deny({"body"})

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "killrvideo/plugin/data/VectorMetric.h"

namespace killrvideo::plugin::data {

// How the server generates a missing `_id`; without one, a plain UUIDv4 string.
enum class DefaultIdType { Uuid, UuidV6, UuidV7, ObjectId };

class CollectionSpec {
 public:
  explicit CollectionSpec(std::string name);

  // Documents carry a $vector of this dimension. Throws std::invalid_argument unless dimension > 0.
  CollectionSpec& vector(int dimension, VectorMetric metric = VectorMetric::Cosine);
  // Only these paths are indexed (filterable) / every path but these. The last call wins.
  CollectionSpec& indexing_allow(std::vector<std::string> paths);
  CollectionSpec& indexing_deny(std::vector<std::string> paths);
  CollectionSpec& default_id(DefaultIdType type);

  const std::string& name() const noexcept { return name_; }

  // The createCollection options object: what Registrar::own_collection receives.
  const nlohmann::ordered_json& to_json() const noexcept { return options_; }
  // {"createCollection":{"name","options"}}, sent to the keyspace.
  nlohmann::ordered_json create_collection_command() const;

 private:
  std::string name_;
  nlohmann::ordered_json options_ = nlohmann::ordered_json::object();
};

}  // namespace killrvideo::plugin::data
