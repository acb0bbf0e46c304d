#include "tools/dataapi/DataApiPath.h"

#include "data/astra/DataApiNames.h"

namespace killrvideo::dataapi {

namespace {
constexpr std::string_view kPrefix = "/api/json/v1/";
}

std::optional<DataApiTarget> parse_data_api_path(std::string_view path) {
  if (path.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
  const std::string_view rest = path.substr(kPrefix.size());
  const auto slash = rest.find('/');
  const std::string_view keyspace = rest.substr(0, slash);
  const std::string_view table = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
  if (!host::astra::is_data_api_name(keyspace)) return std::nullopt;
  if (slash != std::string_view::npos && !host::astra::is_data_api_name(table)) return std::nullopt;
  return DataApiTarget{std::string(keyspace), std::string(table)};
}

}  // namespace killrvideo::dataapi
