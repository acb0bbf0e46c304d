#pragma once
// VideoDetail and VideoSummary (api-contract §2) from a `videos` row and its counters, with the extra
// keys the UI reads (§7.4): viewCount everywhere, status/description/tags on summaries.

#include <string>

#include <nlohmann/json.hpp>

#include "VideoStats.h"
#include "VideoStore.h"

namespace killrvideo::catalog {

inline constexpr const char* kStatusReady = "READY";
// Not in the contract's VideoStatus: a video removed by moderation (VideoModeration) until restored.
inline constexpr const char* kStatusRemoved = "REMOVED";

// The stored status; rows written before the column existed count as READY (api-contract §4.2 #8).
std::string status_of(const Row& video);
std::string owner_of(const Row& video);
// The stored id, or the one in `location` for rows that lack it (the player needs one).
nlohmann::json youtube_id_of(const Row& video);

nlohmann::json video_detail(const Row& video, const VideoCounters& counters);
nlohmann::json video_summary(const Row& video, const VideoCounters& counters);

}  // namespace killrvideo::catalog
