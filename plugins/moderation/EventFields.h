#pragma once
// Reading the fields of an event payload another plugin published: a missing required field is that
// publisher's bug, reported (thrown) with the topic and the payload; optional ids may be null.

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace killrvideo::moderation {

std::string required_event_text(const nlohmann::json& event, const std::string& topic, const char* field);
std::optional<std::string> optional_event_text(const nlohmann::json& event, const char* field);

}  // namespace killrvideo::moderation
