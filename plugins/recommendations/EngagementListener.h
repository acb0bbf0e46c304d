#pragma once
// Turns what users do elsewhere into their taste (`user_preferences`), from the events of the catalog and
// of comments_ratings:
//   video.viewed  {videoId, userId (nil UUID when anonymous), viewedAt}            weight 1, and "watched"
//   comment.added {commentId, videoId, userId, addedAt}                            weight 2
//   video.rated   {videoId, userId, rating, previousRating|null, ratedAt}          weight of the rating,
//                 minus the weight of the rating it replaces: 5 → 3, 4 → 2, 3 and below → 0 (only high
//                 ratings say "more like this"; a re-rate from 5 to 2 takes the 3 back)

#include <string>

#include <nlohmann/json.hpp>

#include "killrvideo/plugin/HostServices.h"
#include "killrvideo/plugin/Registrar.h"

#include "UserPreferences.h"
#include "VideoStore.h"

namespace killrvideo::recommendations {

inline constexpr const char* kVideoViewedTopic = "video.viewed";
inline constexpr const char* kCommentAddedTopic = "comment.added";
inline constexpr const char* kVideoRatedTopic = "video.rated";

inline constexpr double kViewWeight = 1.0;
inline constexpr double kCommentWeight = 2.0;

// How much a rating pulls a taste towards the video.
double rating_weight(int rating);

class EngagementListener {
 public:
  EngagementListener(plugin::HostServices& host, const UserPreferences& preferences);

  // Subscribes to the three topics. Each handler throws std::invalid_argument on a malformed payload
  // (the bus logs it); events of anonymous viewers and of videos that no longer exist change nothing.
  void register_with(plugin::Registrar& registrar);

  void on_viewed(const nlohmann::json& payload) const;
  void on_commented(const nlohmann::json& payload) const;
  void on_rated(const nlohmann::json& payload) const;

 private:
  void add_engagement(const std::string& user_id, const std::string& video_id, double weight) const;

  catalog::VideoStore videos_;
  const UserPreferences& preferences_;
};

}  // namespace killrvideo::recommendations
