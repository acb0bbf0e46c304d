#include "VideoEvents.h"

#include "VideoJson.h"

namespace killrvideo::catalog {

namespace {

nlohmann::json column_or_null(const nlohmann::ordered_json& video, const char* column) {
  const auto value = video.find(column);
  return value != video.end() ? nlohmann::json(*value) : nlohmann::json();
}

}  // namespace

void publish_video_event(plugin::HostServices& host, const char* topic, const nlohmann::ordered_json& video) {
  const auto tags = video.find("tags");
  host.events().publish(topic, {{"videoId", video.at("videoid")},
                                {"userId", column_or_null(video, "userid")},
                                {"name", column_or_null(video, "name")},
                                {"description", column_or_null(video, "description")},
                                {"tags", tags != video.end() && tags->is_array() ? nlohmann::json(*tags) : nlohmann::json::array()},
                                {"status", status_of(video)},
                                {"addedDate", column_or_null(video, "added_date")}});
}

}  // namespace killrvideo::catalog
