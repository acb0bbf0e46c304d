#include "RemovalAudit.h"

#include "killrvideo/plugin/EventFields.h"
#include "killrvideo/plugin/UtcTime.h"

#include "ModerationTables.h"

namespace killrvideo::moderation {

void RemovalAudit::register_with(plugin::Registrar& registrar) {
  subscribe(registrar, kVideoRemovedTopic, "video", "videoId", "removed");
  subscribe(registrar, kVideoRestoredTopic, "video", "videoId", "restored");
  subscribe(registrar, kCommentRemovedTopic, "comment", "commentId", "removed");
  subscribe(registrar, kCommentRestoredTopic, "comment", "commentId", "restored");
}

void RemovalAudit::subscribe(plugin::Registrar& registrar, const char* topic, const char* content_type,
                             const char* id_field, const char* action) {
  registrar.subscribe(topic, [this, content_type, id_field, action](const std::string& delivered, const nlohmann::json& event) {
    record(delivered, event, content_type, id_field, action);
  });
}

void RemovalAudit::record(const std::string& topic, const nlohmann::json& event, const char* content_type,
                          const char* id_field, const char* action) const {
  const std::string content_id = plugin::event_uuid(event, topic, id_field);
  // The owner's own time of the change; the clock only when a publisher leaves it out.
  const auto at = plugin::optional_event_text(event, "at");
  const auto at_ms = at ? plugin::parse_iso_timestamp(*at) : std::nullopt;
  const auto video_id = plugin::optional_event_text(event, "videoId");
  const std::string details = std::string(content_type) == "comment" && video_id ? "on video " + *video_id : "";
  services_.audit.record({services_.host.ids().timeuuid(), content_id, content_type, action,
                          plugin::optional_event_text(event, "moderatorId"), std::nullopt, details,
                          at_ms.value_or(services_.host.clock().now_ms())});
}

}  // namespace killrvideo::moderation
