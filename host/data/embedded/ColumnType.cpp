#include "data/embedded/ColumnType.h"

#include <set>

#include <nlohmann/json.hpp>

#include "data/embedded/ApiError.h"

namespace killrvideo::host::embedded {

namespace {

const std::set<std::string>& primitive_names() {
  static const std::set<std::string> names = {"text",   "ascii",   "int",      "bigint",    "smallint", "tinyint",
                                              "varint", "float",   "double",   "decimal",   "boolean",  "timestamp",
                                              "date",   "time",    "duration", "uuid",      "inet",     "blob"};
  return names;
}

// Types the server knows but refuses in createTable (data-api-wire §3.1).
bool is_refused_type(const std::string& name) { return name == "counter" || name == "timeuuid"; }

std::string element_type(const nlohmann::ordered_json& descriptor, const char* field, const std::string& container) {
  const auto found = descriptor.find(field);
  const std::string code = "UNSUPPORTED_" + std::string(container == "map" ? "MAP" : container == "list" ? "LIST" : "SET") +
                           "_DEFINITION";
  if (found == descriptor.end() || !found->is_string() || !is_primitive_type(found->get<std::string>()))
    fail("SCHEMA", code, "The " + container + " column needs a primitive '" + field + "'.");
  const std::string type = found->get<std::string>();
  if (container == "map" && std::string(field) == "keyType" && type == "duration")
    fail("SCHEMA", code, "Map keys cannot be of type duration.");
  return type;
}

// The vectorize service as declared, or "" for a plain vector column. Which provider stands in for it is the
// engine's business (Vectorize.h); the declaration only has to be well formed.
std::string vectorize_service(const nlohmann::ordered_json& descriptor) {
  const auto service = descriptor.find("service");
  if (service == descriptor.end() || service->is_null()) return "";
  const auto provider = service->is_object() ? service->find("provider") : service->end();
  const auto model = service->is_object() ? service->find("modelName") : service->end();
  if (!service->is_object() || provider == service->end() || !provider->is_string() || provider->empty() ||
      model == service->end() || !model->is_string() || model->empty())
    fail("SCHEMA", "COLUMN_TYPE_INCORRECT",
         "A vector column's 'service' needs a string 'provider' and 'modelName', got " + service->dump() + ".");
  return service->dump();
}

ColumnType parse_vector(const nlohmann::ordered_json& descriptor) {
  const auto dimension = descriptor.find("dimension");
  if (dimension == descriptor.end())
    fail("SCHEMA", "MISSING_DIMENSION_IN_VECTOR_COLUMN", "The vector column has no dimension.");
  if (!dimension->is_number_integer() || dimension->get<long long>() <= 0 || dimension->get<long long>() > 8192)
    fail("SCHEMA", "UNSUPPORTED_VECTOR_DIMENSION", "The vector dimension must be a positive integer, got " +
                                                       dimension->dump() + ".");
  return ColumnType{"vector", "", "", dimension->get<int>(), vectorize_service(descriptor)};
}

ColumnType parse_long_form(const nlohmann::ordered_json& descriptor) {
  const auto type = descriptor.find("type");
  if (type == descriptor.end() || !type->is_string())
    fail("SCHEMA", "COLUMN_TYPE_INCORRECT", "Column definition needs a string 'type': " + descriptor.dump() + ".");
  const std::string name = type->get<std::string>();
  if (name == "vector") return parse_vector(descriptor);
  if (name == "list" || name == "set") return ColumnType{name, "", element_type(descriptor, "valueType", name), 0, ""};
  if (name == "map")
    return ColumnType{name, element_type(descriptor, "keyType", name), element_type(descriptor, "valueType", name), 0, ""};
  if (is_refused_type(name))
    fail("SCHEMA", "UNSUPPORTED_DATA_TYPE_TABLE_CREATION",
         "The command used the unsupported data type for table creation: " + name + ".");
  if (!is_primitive_type(name))
    fail("SCHEMA", "UNKNOWN_PRIMITIVE_DATA_TYPE", "The command used the unsupported data type: " + name + ".");
  return ColumnType{name, "", "", 0, ""};
}

}  // namespace

bool ColumnType::is_integer() const {
  return name == "int" || name == "bigint" || name == "smallint" || name == "tinyint" || name == "varint";
}

bool is_primitive_type(const std::string& name) { return primitive_names().count(name) > 0; }

ColumnType parse_column_type(const nlohmann::ordered_json& descriptor) {
  if (descriptor.is_string()) {
    const std::string name = descriptor.get<std::string>();
    if (is_refused_type(name))
      fail("SCHEMA", "UNSUPPORTED_DATA_TYPE_TABLE_CREATION",
           "The command used the unsupported data type for table creation: " + name + ".");
    if (!is_primitive_type(name))
      fail("SCHEMA", "UNKNOWN_PRIMITIVE_DATA_TYPE",
           "The short form only names primitive types; the command used: " + name + ".");
    return ColumnType{name, "", "", 0, ""};
  }
  if (!descriptor.is_object())
    fail("SCHEMA", "COLUMN_TYPE_INCORRECT", "Column definition must be a string or an object: " + descriptor.dump() + ".");
  return parse_long_form(descriptor);
}

nlohmann::ordered_json column_schema(const ColumnType& type) {
  nlohmann::ordered_json schema = {{"type", type.name}};
  if (type.is_vector()) schema["dimension"] = type.dimension;
  if (type.is_vectorize()) schema["service"] = nlohmann::ordered_json::parse(type.service_json);
  if (type.name == "map") schema["keyType"] = type.key_type;
  if (type.is_container()) schema["valueType"] = type.value_type;
  return schema;
}

const char* sqlite_type(const ColumnType& type) {
  if (type.is_integer() || type.name == "boolean" || type.name == "timestamp") return "INTEGER";
  if (type.name == "float" || type.name == "double" || type.name == "decimal") return "REAL";
  if (type.name == "blob" || type.is_vector()) return "BLOB";
  return "TEXT";
}

}  // namespace killrvideo::host::embedded
