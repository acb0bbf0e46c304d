#pragma once
// A table column's declared type (data-api-wire §2.1/§3.1) and its JSON descriptor both ways.

#include <string>

#include <nlohmann/json_fwd.hpp>

namespace killrvideo::host::embedded {

struct ColumnType {
  std::string name;        // primitive name, or "list" / "set" / "map" / "vector"
  std::string key_type;    // map only
  std::string value_type;  // list, set, map
  int dimension = 0;       // vector only
  // vector only: the vectorize "service" object as declared ({"provider","modelName",…}), compact JSON;
  // empty when the column takes numbers only.
  std::string service_json;

  bool is_vector() const { return name == "vector"; }
  bool is_vectorize() const { return !service_json.empty(); }
  bool is_container() const { return name == "list" || name == "set" || name == "map"; }
  bool is_integer() const;
  bool operator==(const ColumnType& other) const {
    return name == other.name && key_type == other.key_type && value_type == other.value_type &&
           dimension == other.dimension && service_json == other.service_json;
  }
};

bool is_primitive_type(const std::string& name);
// Parses `"int"` or `{"type":...}`; fails with the SCHEMA error the server gives (unknown type,
// counter/timeuuid, bad container element, missing vector dimension).
ColumnType parse_column_type(const nlohmann::ordered_json& descriptor);
// The long form, as listTables/projectionSchema show it: {"type":"set","valueType":"text"}.
nlohmann::ordered_json column_schema(const ColumnType& type);
// The SQLite column type that gives the stored value the right affinity and sort order.
const char* sqlite_type(const ColumnType& type);

}  // namespace killrvideo::host::embedded
