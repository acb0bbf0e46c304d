#pragma once
// The data sets killrvideo-load knows, in load order: owners before what refers to them (users before
// their credentials and videos, videos before their stats, comments and ratings).

#include <array>

namespace killrvideo::loader {

struct DataSetFile {
  const char* file;     // in the KillrVideo CSV export
  const char* dataset;  // the name a plugin imports it under (Registrar::import)
};

// Its rows are relinked to the keys of the other files before import (ExportLinks).
inline constexpr const char* kVideosDataSet = "videos";

inline constexpr std::array<DataSetFile, 6> kDataSetFiles{{
    {"users.csv", "users"},
    {"user_credentials.csv", "user_credentials"},
    {"videos_cleaned.csv", "videos"},
    {"video_playback_stats.csv", "video_playback_stats"},
    {"comments.csv", "comments"},
    {"video_ratings_by_user.csv", "video_ratings_by_user"},
}};

}  // namespace killrvideo::loader
