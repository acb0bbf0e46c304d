#pragma once
// Keeps a video's rating counters from the `video.rated` events the comments_ratings plugin publishes:
// {videoId, userId, rating, previousRating|null, ratedAt}. A first rating counts one more rater; a
// re-rate only moves the total (api-contract §5.3).

#include <string>

#include <nlohmann/json.hpp>

#include "VideoStats.h"

namespace killrvideo::catalog {

inline constexpr const char* kVideoRatedTopic = "video.rated";

// Throws std::invalid_argument for a payload without a videoId string or integer ratings; the bus logs it.
void apply_rating_event(const VideoStats& stats, const nlohmann::json& payload);

}  // namespace killrvideo::catalog
