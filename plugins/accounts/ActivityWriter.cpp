#include "ActivityWriter.h"

#include "killrvideo/plugin/EventFields.h"

namespace killrvideo::accounts {

ActivityWriter::ActivityWriter(plugin::IdGenerator& ids, const ActivityStore& activity) : ids_(ids), activity_(activity) {}

void ActivityWriter::register_with(plugin::Registrar& registrar) {
  registrar.subscribe(kVideoViewedTopic, [this](const std::string&, const nlohmann::json& e) { on_video_viewed(e); });
  registrar.subscribe(kCommentAddedTopic, [this](const std::string&, const nlohmann::json& e) { on_comment_added(e); });
  registrar.subscribe(kVideoRatedTopic, [this](const std::string&, const nlohmann::json& e) { on_video_rated(e); });
}

void ActivityWriter::on_video_viewed(const nlohmann::json& event) const {
  // Anonymous views arrive with the nil UUID and are recorded under it, as the reference does.
  activity_.record({plugin::event_uuid(event, kVideoViewedTopic, "userId"), "view", ids_.timeuuid(),
                    plugin::event_time(event, kVideoViewedTopic, "viewedAt"),
                    plugin::event_uuid(event, kVideoViewedTopic, "videoId")});
}

void ActivityWriter::on_comment_added(const nlohmann::json& event) const {
  // The comment's own id: the activity row leads back to the comment.
  activity_.record({plugin::event_uuid(event, kCommentAddedTopic, "userId"), "comment",
                    plugin::event_uuid(event, kCommentAddedTopic, "commentId"),
                    plugin::event_time(event, kCommentAddedTopic, "addedAt"),
                    plugin::event_uuid(event, kCommentAddedTopic, "videoId")});
}

void ActivityWriter::on_video_rated(const nlohmann::json& event) const {
  activity_.record({plugin::event_uuid(event, kVideoRatedTopic, "userId"), "rate", ids_.timeuuid(),
                    plugin::event_time(event, kVideoRatedTopic, "ratedAt"),
                    plugin::event_uuid(event, kVideoRatedTopic, "videoId")});
}

}  // namespace killrvideo::accounts
