#include "killrvideo/plugin/data/ColumnType.h"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <string_view>

namespace killrvideo::plugin::data {

namespace {

// The scalar types createTable accepts (data-api-wire §3.1); counter and timeuuid are refused there.
constexpr std::array<std::string_view, 18> kScalarTypes = {
    "text",    "ascii",   "int",       "bigint", "smallint", "tinyint",  "varint", "float", "double",
    "decimal", "boolean", "timestamp", "date",   "time",     "duration", "uuid",   "inet",  "blob"};

const std::string& require_scalar(const std::string& name) {
  if (std::find(kScalarTypes.begin(), kScalarTypes.end(), name) == kScalarTypes.end()) {
    throw std::invalid_argument("\"" + name + "\" is not a column type createTable accepts");
  }
  return name;
}

}  // namespace

ColumnType::ColumnType(const char* scalar) : ColumnType(std::string(scalar)) {}
ColumnType::ColumnType(const std::string& scalar) : kind_(require_scalar(scalar)), descriptor_(scalar) {}
ColumnType::ColumnType(std::string kind, nlohmann::ordered_json descriptor)
    : kind_(std::move(kind)), descriptor_(std::move(descriptor)) {}

ColumnType ColumnType::list(const std::string& value_type) {
  return ColumnType("list", {{"type", "list"}, {"valueType", require_scalar(value_type)}});
}

ColumnType ColumnType::set(const std::string& value_type) {
  return ColumnType("set", {{"type", "set"}, {"valueType", require_scalar(value_type)}});
}

ColumnType ColumnType::map(const std::string& key_type, const std::string& value_type) {
  if (require_scalar(key_type) == "duration") throw std::invalid_argument("a map key cannot be a duration");
  return ColumnType("map", {{"type", "map"}, {"keyType", key_type}, {"valueType", require_scalar(value_type)}});
}

ColumnType ColumnType::vector(int dimension) {
  if (dimension <= 0) throw std::invalid_argument("a vector column needs a positive dimension");
  return ColumnType("vector", {{"type", "vector"}, {"dimension", dimension}});
}

ColumnType ColumnType::vector(int dimension, const VectorizeService& service) {
  if (service.provider.empty() || service.model_name.empty())
    throw std::invalid_argument("a vectorize column needs a service provider and model name");
  ColumnType type = vector(dimension);
  type.descriptor_["service"] = {{"provider", service.provider}, {"modelName", service.model_name}};
  return type;
}

}  // namespace killrvideo::plugin::data
