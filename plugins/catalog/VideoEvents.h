#pragma once
// What the catalog announces about its videos (README: Events). Other plugins keep their own copies of
// what they need from videos (search's text index and tag counts) by these events.

#include <string>

#include <nlohmann/json.hpp>

#include "killrvideo/plugin/HostServices.h"

namespace killrvideo::catalog {

// A video row appeared (submit, or an import of an unknown id).
inline constexpr const char* kVideoAddedTopic = "video.added";
// A video's title, description, tags or status changed (update, or a re-import of a changed row).
inline constexpr const char* kVideoUpdatedTopic = "video.updated";
// Moderation took a video out of / put it back into every listing.
inline constexpr const char* kVideoRemovedTopic = "video.removed";
inline constexpr const char* kVideoRestoredTopic = "video.restored";

// {videoId, userId, name, description, tags, status, addedDate} of the video as now stored.
void publish_video_event(plugin::HostServices& host, const char* topic, const nlohmann::ordered_json& video);

}  // namespace killrvideo::catalog
