#include "EventFields.h"

#include <stdexcept>

namespace killrvideo::moderation {

std::string required_event_text(const nlohmann::json& event, const std::string& topic, const char* field) {
  const auto value = event.find(field);
  if (value == event.end() || !value->is_string()) {
    throw std::invalid_argument(topic + ": `" + field + "` must be a string: " + event.dump());
  }
  return value->get<std::string>();
}

std::optional<std::string> optional_event_text(const nlohmann::json& event, const char* field) {
  const auto value = event.find(field);
  if (value == event.end() || !value->is_string()) return std::nullopt;
  return value->get<std::string>();
}

}  // namespace killrvideo::moderation
