#include "ActivityWriter.h"

#include <stdexcept>

#include "killrvideo/plugin/Validation.h"

#include "Timestamps.h"

namespace killrvideo::accounts {

namespace {

std::string text_field(const nlohmann::json& event, const char* topic, const char* field) {
  const auto value = event.find(field);
  if (value == event.end() || !value->is_string()) {
    throw std::invalid_argument(std::string(topic) + ": `" + field + "` must be a string");
  }
  return value->get<std::string>();
}

std::string uuid_field(const nlohmann::json& event, const char* topic, const char* field) {
  std::string text = text_field(event, topic, field);
  if (!plugin::is_canonical_uuid(text)) {
    throw std::invalid_argument(std::string(topic) + ": `" + field + "` '" + text + "' is not a UUID");
  }
  return text;
}

std::int64_t time_field(const nlohmann::json& event, const char* topic, const char* field) {
  const std::string text = text_field(event, topic, field);
  const auto epoch_ms = parse_iso_timestamp(text);
  if (!epoch_ms) throw std::invalid_argument(std::string(topic) + ": `" + field + "` '" + text + "' is not ISO-8601");
  return *epoch_ms;
}

}  // namespace

ActivityWriter::ActivityWriter(plugin::IdGenerator& ids, const ActivityStore& activity) : ids_(ids), activity_(activity) {}

void ActivityWriter::register_with(plugin::Registrar& registrar) {
  registrar.subscribe(kVideoViewedTopic, [this](const std::string&, const nlohmann::json& e) { on_video_viewed(e); });
  registrar.subscribe(kCommentAddedTopic, [this](const std::string&, const nlohmann::json& e) { on_comment_added(e); });
  registrar.subscribe(kVideoRatedTopic, [this](const std::string&, const nlohmann::json& e) { on_video_rated(e); });
}

void ActivityWriter::on_video_viewed(const nlohmann::json& event) const {
  // Anonymous views arrive with the nil UUID and are recorded under it, as the reference does.
  activity_.record({uuid_field(event, kVideoViewedTopic, "userId"), "view", ids_.timeuuid(),
                    time_field(event, kVideoViewedTopic, "viewedAt"), uuid_field(event, kVideoViewedTopic, "videoId")});
}

void ActivityWriter::on_comment_added(const nlohmann::json& event) const {
  // The comment's own id: the activity row leads back to the comment.
  activity_.record({uuid_field(event, kCommentAddedTopic, "userId"), "comment",
                    uuid_field(event, kCommentAddedTopic, "commentId"), time_field(event, kCommentAddedTopic, "addedAt"),
                    uuid_field(event, kCommentAddedTopic, "videoId")});
}

void ActivityWriter::on_video_rated(const nlohmann::json& event) const {
  activity_.record({uuid_field(event, kVideoRatedTopic, "userId"), "rate", ids_.timeuuid(),
                    time_field(event, kVideoRatedTopic, "ratedAt"), uuid_field(event, kVideoRatedTopic, "videoId")});
}

}  // namespace killrvideo::accounts
