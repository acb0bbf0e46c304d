#include "PublishedEvents.h"

#include "killrvideo/plugin/UtcTime.h"

namespace killrvideo::comments_ratings {

nlohmann::json rating_event(const std::string& video_id, const std::string& user_id, int rating,
                            std::optional<int> previous, std::int64_t rated_ms) {
  return {{"videoId", video_id},
          {"userId", user_id},
          {"rating", rating},
          {"previousRating", previous ? nlohmann::json(*previous) : nullptr},
          {"ratedAt", plugin::iso_timestamp(rated_ms)}};
}

nlohmann::json comment_added_event(const Comment& comment) {
  return {{"commentId", comment.comment_id},
          {"videoId", comment.video_id},
          {"userId", comment.user_id},
          {"addedAt", plugin::iso_timestamp(comment.created_ms)}};
}

nlohmann::json comment_moderated_event(const Comment& comment, const std::string& moderator_id, std::int64_t at_ms) {
  return {{"commentId", comment.comment_id},
          {"videoId", comment.video_id},
          {"userId", comment.user_id},
          {"moderatorId", moderator_id.empty() ? nlohmann::json() : nlohmann::json(moderator_id)},
          {"at", plugin::iso_timestamp(at_ms)}};
}

}  // namespace killrvideo::comments_ratings
