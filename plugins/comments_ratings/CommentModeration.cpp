#include "CommentModeration.h"

#include "killrvideo/plugin/EventFields.h"
#include "killrvideo/plugin/Responses.h"

#include "CommentsRatingsTables.h"
#include "PublishedEvents.h"

namespace killrvideo::comments_ratings {

namespace {

constexpr const char* kCommentContentType = "comment";

bool about_a_comment(const nlohmann::json& event, const char* topic) {
  return plugin::event_text(event, topic, "contentType") == kCommentContentType;
}

std::string moderator_of(const nlohmann::json& event) {
  return plugin::optional_event_text(event, "moderatorId").value_or("");
}

}  // namespace

void CommentModeration::register_with(plugin::Registrar& registrar) {
  registrar.route(plugin::Method::Post, "/api/v1/moderation/comments/{commentId:uuid}/restore",
                  plugin::Access::Moderator, [this](const plugin::Request& request) { return restore_route(request); });
  registrar.subscribe(kContentRemovedTopic,
                      [this](const std::string&, const nlohmann::json& event) { on_content_removed(event); });
  registrar.subscribe(kContentRestoredTopic,
                      [this](const std::string&, const nlohmann::json& event) { on_content_restored(event); });
}

plugin::Response CommentModeration::restore_route(const plugin::Request& request) const {
  const std::string comment_id(request.path_param("commentId").value_or(""));
  const bool exists = services_.comments.find(comment_id).has_value();
  if (exists) {
    const auto restored = services_.comments.restore(comment_id);
    if (restored) announce(kCommentRestoredTopic, *restored, request.principal()->user_id);
  }
  return plugin::json_response(200, {{"content_id", comment_id},
                                     {"content_type", kCommentContentType},
                                     {"status_message", exists ? "initiated" : "failed"}});
}

void CommentModeration::on_content_removed(const nlohmann::json& event) const {
  if (!about_a_comment(event, kContentRemovedTopic)) return;
  const auto hidden = services_.comments.hide(plugin::event_uuid(event, kContentRemovedTopic, "contentId"));
  if (hidden) announce(kCommentRemovedTopic, *hidden, moderator_of(event));
}

void CommentModeration::on_content_restored(const nlohmann::json& event) const {
  if (!about_a_comment(event, kContentRestoredTopic)) return;
  const auto restored = services_.comments.restore(plugin::event_uuid(event, kContentRestoredTopic, "contentId"));
  if (restored) announce(kCommentRestoredTopic, *restored, moderator_of(event));
}

void CommentModeration::announce(const char* topic, const Comment& comment, const std::string& moderator_id) const {
  services_.host.events().publish(topic,
                                  comment_moderated_event(comment, moderator_id, services_.host.clock().now_ms()));
}

}  // namespace killrvideo::comments_ratings
