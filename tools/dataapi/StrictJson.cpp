#include "tools/dataapi/StrictJson.h"

#include <set>
#include <vector>

namespace killrvideo::dataapi {

StrictParse parse_strict_json(const std::string& text) {
  using json = nlohmann::ordered_json;
  std::vector<std::set<std::string>> keys_per_open_object;
  std::string duplicate;
  const json::parser_callback_t watch_keys = [&](int, json::parse_event_t event, json& parsed) {
    if (event == json::parse_event_t::object_start) keys_per_open_object.emplace_back();
    if (event == json::parse_event_t::object_end) keys_per_open_object.pop_back();
    if (event == json::parse_event_t::key && !keys_per_open_object.back().insert(parsed.get<std::string>()).second &&
        duplicate.empty()) {
      duplicate = parsed.get<std::string>();
    }
    return true;
  };
  try {
    json value = json::parse(text, watch_keys);
    if (!duplicate.empty()) return {std::nullopt, "duplicate key '" + duplicate + "'"};
    return {std::move(value), ""};
  } catch (const json::parse_error& e) {
    return {std::nullopt, e.what()};
  }
}

}  // namespace killrvideo::dataapi
