#include "data/astra/AstraSettings.h"

#include <cstdlib>
#include <stdexcept>
#include <string>

#include "data/astra/DataApiNames.h"

namespace killrvideo::host::astra {

namespace {

void fill_from_environment(std::string& field, const char* variable) {
  if (!field.empty()) return;
  const char* value = std::getenv(variable);
  if (value != nullptr) field = value;
}

bool starts_with(const std::string& text, std::string_view prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace

AstraConfig resolve_astra_config(AstraConfig config) {
  fill_from_environment(config.endpoint, kEndpointVariable);
  fill_from_environment(config.token, kTokenVariable);
  fill_from_environment(config.keyspace, kKeyspaceVariable);
  if (config.keyspace.empty()) config.keyspace = kDefaultKeyspace;
  return config;
}

void check_astra_config(const AstraConfig& config) {
  if (config.endpoint.empty()) {
    throw std::invalid_argument(std::string("Astra endpoint is missing: set database.astra.endpoint or ") +
                                kEndpointVariable);
  }
  if (!starts_with(config.endpoint, "https://") && !starts_with(config.endpoint, "http://")) {
    throw std::invalid_argument("Astra endpoint '" + config.endpoint + "' must start with https:// or http://");
  }
  if (config.token.empty()) {
    throw std::invalid_argument(std::string("Astra token is missing: set database.astra.token or ") +
                                kTokenVariable);
  }
  if (!is_data_api_name(config.keyspace)) {
    throw std::invalid_argument("Astra keyspace '" + config.keyspace +
                                "' is not a valid name ([a-zA-Z][a-zA-Z0-9_]*, at most 48 characters)");
  }
  if (config.timeout_ms <= 0) {
    throw std::invalid_argument("Astra timeout_ms must be positive, got " + std::to_string(config.timeout_ms));
  }
}

}  // namespace killrvideo::host::astra
