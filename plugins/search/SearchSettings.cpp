#include "SearchSettings.h"

#include <stdexcept>

#include <nlohmann/json.hpp>

namespace killrvideo::search {

SearchSettings search_settings_from(const nlohmann::json& plugin_config) {
  SearchSettings settings;
  if (!plugin_config.is_object()) return settings;
  const auto threshold = plugin_config.find("similarity_threshold");
  if (threshold == plugin_config.end() || threshold->is_null()) return settings;
  if (!threshold->is_number() || threshold->get<double>() < 0.0 || threshold->get<double>() > 1.0) {
    throw std::invalid_argument("search: config.similarity_threshold must be a number from 0 to 1, got " +
                                threshold->dump());
  }
  settings.similarity_threshold = threshold->get<double>();
  return settings;
}

}  // namespace killrvideo::search
