#pragma once
// Data API responses the tests queue in FakeDataClient, shaped as data-api-wire §1.5–1.6.

#include <nlohmann/json.hpp>
#include <string>

namespace killrvideo::plugin::data::test {

inline nlohmann::ordered_json error_object(const std::string& family, const std::string& scope, const std::string& code,
                                   const std::string& message = "details") {
  return {{"id", "6c1f0e8a-2b7d-4f1e-9a51-0d3c2b4a5e6f"},
          {"family", family},
          {"scope", scope},
          {"errorCode", code},
          {"title", code + " title"},
          {"message", message}};
}

inline nlohmann::ordered_json error_response(const nlohmann::ordered_json& error) {
  return {{"errors", nlohmann::ordered_json::array({error})}};
}

inline nlohmann::ordered_json page(const nlohmann::ordered_json& documents, const nlohmann::ordered_json& next_page_state) {
  return {{"data", {{"documents", documents}, {"nextPageState", next_page_state}}}};
}

inline nlohmann::ordered_json ok_status() { return {{"status", {{"ok", 1}}}}; }

}  // namespace killrvideo::plugin::data::test
