#include "config/PluginConfigJson.h"

#include <nlohmann/json.hpp>

#include "config/PlainScalar.h"

namespace killrvideo::host {

namespace {

nlohmann::json typed_plain_scalar(const std::string& text) {
  if (const std::optional<long long> integer = parse_integer(text)) {
    return *integer;
  }
  if (const std::optional<double> decimal = parse_decimal(text)) {
    return *decimal;
  }
  if (const std::optional<bool> boolean = parse_bool(text)) {
    return *boolean;
  }
  if (is_null_word(text)) {
    return nullptr;
  }
  return text;
}

nlohmann::json to_json(const ConfigNode& node);

nlohmann::json to_json_object(const ConfigNode& mapping) {
  nlohmann::json object = nlohmann::json::object();
  for (const ConfigEntry& entry : mapping.entries()) {
    object[entry.key] = to_json(entry.value);
  }
  return object;
}

nlohmann::json to_json(const ConfigNode& node) {
  if (node.is_mapping()) {
    return to_json_object(node);
  }
  if (node.is_sequence()) {
    nlohmann::json array = nlohmann::json::array();
    for (const ConfigNode& element : node.elements()) {
      array.push_back(to_json(element));
    }
    return array;
  }
  if (node.is_null()) {
    return nullptr;
  }
  const std::string text = node.as_string();
  return node.is_plain_scalar() ? typed_plain_scalar(text) : nlohmann::json(text);
}

}  // namespace

std::string plugin_config_json(const ConfigNode& block) { return to_json_object(block).dump(); }

}  // namespace killrvideo::host
