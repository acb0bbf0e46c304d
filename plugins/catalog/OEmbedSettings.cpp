#include "OEmbedSettings.h"

#include <stdexcept>

#include <nlohmann/json.hpp>

namespace killrvideo::catalog {

namespace {

[[noreturn]] void bad_setting(const std::string& key, const std::string& expected) {
  throw std::invalid_argument("catalog: config.oembed." + key + " must be " + expected);
}

}  // namespace

OEmbedSettings oembed_settings_from(const nlohmann::json& plugin_config) {
  OEmbedSettings settings;
  const auto block = plugin_config.find("oembed");
  if (block == plugin_config.end() || block->is_null()) return settings;
  if (!block->is_object()) throw std::invalid_argument("catalog: config.oembed must be a mapping");
  if (const auto enabled = block->find("enabled"); enabled != block->end()) {
    if (!enabled->is_boolean()) bad_setting("enabled", "true or false");
    settings.enabled = enabled->get<bool>();
  }
  if (const auto url = block->find("url"); url != block->end()) {
    if (!url->is_string() || url->get<std::string>().empty()) bad_setting("url", "a non-empty string");
    settings.url = url->get<std::string>();
  }
  if (const auto timeout = block->find("timeout_ms"); timeout != block->end()) {
    if (!timeout->is_number_integer() || timeout->get<long>() <= 0) bad_setting("timeout_ms", "a positive integer");
    settings.timeout_ms = timeout->get<long>();
  }
  return settings;
}

}  // namespace killrvideo::catalog
