#pragma once
// Rows and callers the catalog's unit tests script through FakeHost (the Data API answers around them come
// from the testing kit's DataReplies.h).

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "killrvideo/plugin/Http.h"

namespace killrvideo::catalog::testing {

using OJson = nlohmann::ordered_json;

inline constexpr const char* kVideoId = "5e1f3b0a-1c2d-4e5f-8a9b-0c1d2e3f4a5b";
inline constexpr const char* kOwnerId = "6c1f0e8a-2b7d-4f1e-9a51-0d3c2b4a5e6f";
inline constexpr const char* kOtherUserId = "7d2a1f9b-3c8e-4a2f-8b62-1e4d3c5b6f70";
inline constexpr const char* kVideoPath = "/api/v1/videos/id/5e1f3b0a-1c2d-4e5f-8a9b-0c1d2e3f4a5b";

inline plugin::Principal user(const std::string& id, std::vector<std::string> roles) { return {id, std::move(roles)}; }
inline plugin::Principal owner() { return user(kOwnerId, {"creator"}); }
inline plugin::Principal moderator() { return user(kOtherUserId, {"moderator"}); }
inline plugin::Principal stranger() { return user(kOtherUserId, {"viewer", "creator"}); }

// A stored video as the engine returns it (null columns omitted).
inline OJson stored_video(const std::string& status = "READY") {
  return {{"videoid", kVideoId},
          {"userid", kOwnerId},
          {"added_date", "2025-06-15T13:20:00.000Z"},
          {"name", "Cassandra data modelling"},
          {"description", "Partitions explained"},
          {"location", "https://www.youtube.com/watch?v=abcdefghijk"},
          {"location_type", 0},
          {"preview_image_location", "https://i.ytimg.com/vi/abcdefghijk/hqdefault.jpg"},
          {"tags", {"cassandra", "modelling"}},
          {"status", status},
          {"youtube_video_id", "abcdefghijk"},
          {"updated_at", "2025-06-15T13:20:00.000Z"}};
}

}  // namespace killrvideo::catalog::testing
