#include "VideoJson.h"

#include "UtcTime.h"
#include "YouTubeUrl.h"

namespace killrvideo::catalog {

namespace {

using nlohmann::json;

// The column's value, or null when the row has none (the Data API omits null columns).
json column(const Row& video, const char* name) {
  const auto value = video.find(name);
  return value == video.end() ? json(nullptr) : json(*value);
}

// One spelling for an instant whether it was just written or read back: backends may drop a zero
// fraction ("…:32Z" vs "…:32.000Z").
json timestamp(const Row& video, const char* name) {
  const json value = column(video, name);
  if (!value.is_string()) return value;
  try {
    return iso_timestamp(parse_iso_timestamp(value.get<std::string>()));
  } catch (const std::invalid_argument&) {
    return value;
  }
}

json tags_of(const Row& video) {
  const json tags = column(video, "tags");
  return tags.is_array() ? tags : json::array();
}

json average_rating_json(const VideoCounters& counters) {
  const auto average = counters.average_rating();
  return average ? json(*average) : json(nullptr);
}

}  // namespace

std::string status_of(const Row& video) {
  const auto status = video.find("status");
  return status != video.end() && status->is_string() ? status->get<std::string>() : kStatusReady;
}

std::string owner_of(const Row& video) {
  const auto owner = video.find("userid");
  return owner != video.end() && owner->is_string() ? owner->get<std::string>() : "";
}

json youtube_id_of(const Row& video) {
  const json stored = column(video, "youtube_video_id");
  if (stored.is_string()) return stored;
  const json location = column(video, "location");
  if (!location.is_string()) return nullptr;
  const auto extracted = extract_youtube_id(location.get<std::string>());
  return extracted ? json(*extracted) : json(nullptr);
}

json video_detail(const Row& video, const VideoCounters& counters) {
  const json location = column(video, "location");
  const json location_type = column(video, "location_type");
  return {{"title", column(video, "name")},
          {"description", column(video, "description")},
          {"tags", tags_of(video)},
          {"videoId", column(video, "videoid")},
          {"userId", column(video, "userid")},
          {"submittedAt", timestamp(video, "added_date")},
          {"thumbnailUrl", column(video, "preview_image_location")},
          {"location", location.is_null() ? json("") : location},
          {"location_type", location_type.is_null() ? json(0) : location_type},
          {"content_features", column(video, "content_features")},
          {"content_rating", column(video, "content_rating")},
          {"category", column(video, "category")},
          {"language", column(video, "language")},
          {"youtubeVideoId", youtube_id_of(video)},
          {"updatedAt", timestamp(video, "updated_at")},
          {"status", status_of(video)},
          {"views", counters.views},
          {"viewCount", counters.views},
          {"averageRating", average_rating_json(counters)},
          {"totalRatingsCount", counters.rating_count},
          {"is_deleted", status_of(video) == kStatusRemoved},
          {"deleted_at", nullptr}};
}

json video_summary(const Row& video, const VideoCounters& counters) {
  return {{"videoId", column(video, "videoid")},
          {"title", column(video, "name")},
          {"thumbnailUrl", column(video, "preview_image_location")},
          {"userId", column(video, "userid")},
          {"submittedAt", timestamp(video, "added_date")},
          {"content_rating", column(video, "content_rating")},
          {"category", column(video, "category")},
          {"views", counters.views},
          {"viewCount", counters.views},
          {"averageRating", average_rating_json(counters)},
          {"status", status_of(video)},
          {"description", column(video, "description")},
          {"tags", tags_of(video)}};
}

}  // namespace killrvideo::catalog
