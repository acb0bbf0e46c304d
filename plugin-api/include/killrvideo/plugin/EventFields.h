#pragma once
// Reading the fields of an event another plugin published. A required field that is missing or of the
// wrong type is the publisher's bug: it throws std::invalid_argument naming the topic and the field,
// which Registrar::subscribe's guard reports as the delivery's failure.
//
//   const std::string video_id = event_uuid(event, topic, "videoId");
//   const auto moderator = optional_event_text(event, "moderatorId");  // null or absent: nullopt

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace killrvideo::plugin {

// "<topic>: `<field>` must be a string"
std::string event_text(const nlohmann::json& event, std::string_view topic, std::string_view field);
// A canonical (lowercase) UUID; else "<topic>: `<field>` '<text>' is not a UUID".
std::string event_uuid(const nlohmann::json& event, std::string_view topic, std::string_view field);
// Milliseconds since the epoch of an ISO-8601 timestamp; else "<topic>: `<field>` '<text>' is not ISO-8601".
std::int64_t event_time(const nlohmann::json& event, std::string_view topic, std::string_view field);
// The text of an optional field: nullopt when it is absent, null or not a string.
std::optional<std::string> optional_event_text(const nlohmann::json& event, std::string_view field);

}  // namespace killrvideo::plugin
