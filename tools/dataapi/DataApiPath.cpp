#include "tools/dataapi/DataApiPath.h"

#include "data/astra/DataApiNames.h"

namespace killrvideo::dataapi {

namespace {
// Astra serves the Data API under /api/json/v1; self-managed deployments (HCD, DSE) under /v1, which is
// where the clients' non-Astra environments send it.
constexpr std::string_view kAstraPrefix = "/api/json/v1/";
constexpr std::string_view kSelfManagedPrefix = "/v1/";

std::optional<std::string_view> after_prefix(std::string_view path) {
  for (const std::string_view prefix : {kAstraPrefix, kSelfManagedPrefix})
    if (path.substr(0, prefix.size()) == prefix) return path.substr(prefix.size());
  return std::nullopt;
}
}  // namespace

std::optional<DataApiTarget> parse_data_api_path(std::string_view path) {
  const auto after = after_prefix(path);
  if (!after) return std::nullopt;
  const std::string_view rest = *after;
  const auto slash = rest.find('/');
  const std::string_view keyspace = rest.substr(0, slash);
  const std::string_view table = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
  if (!host::astra::is_data_api_name(keyspace)) return std::nullopt;
  if (slash != std::string_view::npos && !host::astra::is_data_api_name(table)) return std::nullopt;
  return DataApiTarget{std::string(keyspace), std::string(table)};
}

}  // namespace killrvideo::dataapi
