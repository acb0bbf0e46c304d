#pragma once
// Turns other domains' events into `user_activity` rows (api-contract §5.11). The accounts plugin alone
// writes the table; catalog and comments_ratings only publish.
//
//   video.viewed   {videoId, userId (nil UUID when anonymous), viewedAt}
//   comment.added  {commentId, videoId, userId, addedAt}
//   video.rated    {videoId, userId, rating, previousRating|null, ratedAt}

#include <string>

#include <nlohmann/json.hpp>

#include "killrvideo/plugin/HostServices.h"
#include "killrvideo/plugin/Registrar.h"

#include "ActivityStore.h"

namespace killrvideo::accounts {

inline constexpr const char* kVideoViewedTopic = "video.viewed";
inline constexpr const char* kCommentAddedTopic = "comment.added";
inline constexpr const char* kVideoRatedTopic = "video.rated";

class ActivityWriter {
 public:
  ActivityWriter(plugin::IdGenerator& ids, const ActivityStore& activity);

  void register_with(plugin::Registrar& registrar);

  // Each throws std::invalid_argument naming the field when the payload is malformed; the host logs it.
  void on_video_viewed(const nlohmann::json& event) const;
  void on_comment_added(const nlohmann::json& event) const;
  void on_video_rated(const nlohmann::json& event) const;

 private:
  plugin::IdGenerator& ids_;
  const ActivityStore& activity_;
};

}  // namespace killrvideo::accounts
