#pragma once
// The payloads this plugin publishes (README: Events). Other plugins parse them: change them only with
// their consumers (accounts: activity; catalog: rating counters on videos).

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "Comment.h"

namespace killrvideo::comments_ratings {

// video.rated: {videoId, userId, rating, previousRating (null for a first rating), ratedAt}
nlohmann::json rating_event(const std::string& video_id, const std::string& user_id, int rating,
                            std::optional<int> previous, std::int64_t rated_ms);
// comment.added: {commentId, videoId, userId, addedAt}
nlohmann::json comment_added_event(const Comment& comment);
// comment.removed / comment.restored: {commentId, videoId, userId, moderatorId (null if unknown), at}
nlohmann::json comment_moderated_event(const Comment& comment, const std::string& moderator_id, std::int64_t at_ms);

}  // namespace killrvideo::comments_ratings
