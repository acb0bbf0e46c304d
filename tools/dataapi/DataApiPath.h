#pragma once
// Which keyspace and table a local Data API request addresses.

#include <optional>
#include <string>
#include <string_view>

namespace killrvideo::dataapi {

struct DataApiTarget {
  std::string keyspace;
  std::string table;  // empty for keyspace-level commands
};

// "/api/json/v1/{keyspace}[/{table}]" (Astra's path) or "/v1/{keyspace}[/{table}]" (HCD's and DSE's), names
// as data-api-wire §1.1; nullopt for any other path.
std::optional<DataApiTarget> parse_data_api_path(std::string_view path);

}  // namespace killrvideo::dataapi
