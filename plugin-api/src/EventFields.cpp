#include "killrvideo/plugin/EventFields.h"

#include <stdexcept>

#include "killrvideo/plugin/UtcTime.h"
#include "killrvideo/plugin/Validation.h"

namespace killrvideo::plugin {

namespace {

std::string named(std::string_view topic, std::string_view field) {
  return std::string(topic) + ": `" + std::string(field) + "`";
}

}  // namespace

std::string event_text(const nlohmann::json& event, std::string_view topic, std::string_view field) {
  auto text = optional_event_text(event, field);
  if (!text) throw std::invalid_argument(named(topic, field) + " must be a string");
  return std::move(*text);
}

std::string event_uuid(const nlohmann::json& event, std::string_view topic, std::string_view field) {
  std::string text = event_text(event, topic, field);
  if (!is_canonical_uuid(text)) throw std::invalid_argument(named(topic, field) + " '" + text + "' is not a UUID");
  return text;
}

std::int64_t event_time(const nlohmann::json& event, std::string_view topic, std::string_view field) {
  const std::string text = event_text(event, topic, field);
  const auto epoch_ms = parse_iso_timestamp(text);
  if (!epoch_ms) throw std::invalid_argument(named(topic, field) + " '" + text + "' is not ISO-8601");
  return *epoch_ms;
}

std::optional<std::string> optional_event_text(const nlohmann::json& event, std::string_view field) {
  if (!event.is_object()) return std::nullopt;
  const auto value = event.find(std::string(field));
  if (value == event.end() || !value->is_string()) return std::nullopt;
  return value->get<std::string>();
}

}  // namespace killrvideo::plugin
