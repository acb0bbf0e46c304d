#pragma once
// A table column's type as createTable declares it (data-api-wire §3.1): a scalar by name, a list or set
// of a scalar, a map of scalars, or a float vector of fixed dimension.
//
//   "uuid"   ColumnType::set("text")   ColumnType::map("text", "int")   ColumnType::vector(384)
//   ColumnType::vector(1024, {"nvidia", "NV-Embed-QA"})   // a vectorize column: the database embeds its text

#include <nlohmann/json.hpp>
#include <string>

#include "killrvideo/plugin/VectorizeService.h"

namespace killrvideo::plugin::data {

class ColumnType {
 public:
  // A scalar type: text ascii int bigint smallint tinyint varint float double decimal boolean timestamp
  // date time duration uuid inet blob. Implicit, so a column reads like the wire: column("name", "text").
  // Throws std::invalid_argument for anything else, counter and timeuuid included: createTable refuses them.
  ColumnType(const char* scalar);
  ColumnType(const std::string& scalar);

  // Same scalar rule for the element, key and value types; a map key cannot be a duration.
  static ColumnType list(const std::string& value_type);
  static ColumnType set(const std::string& value_type);
  static ColumnType map(const std::string& key_type, const std::string& value_type);
  // Throws std::invalid_argument unless dimension > 0.
  static ColumnType vector(int dimension);
  // A vector column the database fills from text with `service` (HostServices' Embedder::vectorize_service).
  // Throws std::invalid_argument unless dimension > 0 and the service names a provider and a model.
  static ColumnType vector(int dimension, const VectorizeService& service);

  // The scalar's name, or "list", "set", "map", "vector".
  const std::string& kind() const noexcept { return kind_; }
  // The short form ("uuid") for scalars, the long form ({"type":"set","valueType":"text"}) otherwise.
  const nlohmann::ordered_json& to_json() const noexcept { return descriptor_; }

 private:
  ColumnType(std::string kind, nlohmann::ordered_json descriptor);

  std::string kind_;
  nlohmann::ordered_json descriptor_;
};

}  // namespace killrvideo::plugin::data
