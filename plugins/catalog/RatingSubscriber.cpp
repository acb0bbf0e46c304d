#include "RatingSubscriber.h"

#include <stdexcept>

namespace killrvideo::catalog {

void apply_rating_event(const VideoStats& stats, const nlohmann::json& payload) {
  const auto video_id = payload.find("videoId");
  const auto rating = payload.find("rating");
  if (video_id == payload.end() || !video_id->is_string() || rating == payload.end() || !rating->is_number_integer()) {
    throw std::invalid_argument("catalog: video.rated needs a videoId string and an integer rating: " + payload.dump());
  }
  const auto previous = payload.find("previousRating");
  const bool first_rating = previous == payload.end() || previous->is_null();
  if (!first_rating && !previous->is_number_integer()) {
    throw std::invalid_argument("catalog: video.rated previousRating must be an integer or null: " + payload.dump());
  }
  const std::int64_t previous_rating = first_rating ? 0 : previous->get<std::int64_t>();
  stats.add_rating(video_id->get<std::string>(), first_rating ? 1 : 0, rating->get<std::int64_t>() - previous_rating);
}

}  // namespace killrvideo::catalog
