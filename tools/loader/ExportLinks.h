#pragma once
// How the files of the KillrVideo export refer to each other where their keys disagree.
//
// videos_cleaned.csv was re-keyed when it was cleaned: its videoid and userid values appear in no other
// file. The other files keep the original keys: video_playback_stats.csv, comments.csv,
// video_ratings_by_user.csv and latest_videos.csv the original video ids, latest_videos.csv the original
// uploaders, who are users of users.csv. video_playback_stats.csv lists the videos in the order of
// videos_cleaned.csv — row n of one is row n of the other — and latest_videos.csv confirms it: each of its
// videos, by original id, has the name and upload time of the videos_cleaned.csv row at that position.
//
// So a video of videos_cleaned.csv takes the id of its playback-stats row (its views, comments and ratings
// then find it), and its uploader becomes the users.csv user latest_videos.csv names for it. latest_videos.csv
// covers only the newest 100 videos; the uploaders it does not name are given, in the order of their first
// video in videos_cleaned.csv, the users.csv users who are nobody's uploader yet, in users.csv order — the
// same every run, and one person per uploader.

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "killrvideo/plugin/Registrar.h"

namespace killrvideo::loader {

class ExportLinks {
 public:
  // Reads the export's files in `dir`. Never fails on their content: what cannot be linked keeps its key,
  // and notes() says why. Throws std::runtime_error only when a present file cannot be read at all.
  static ExportLinks read(const std::filesystem::path& dir);

  // Gives a videos_cleaned.csv row the video id and uploader the other files use.
  void relink_video(plugin::ImportRow& row) const;

  // One line per decision, for the loader's output: what was linked and on what evidence, or why not.
  const std::vector<std::string>& notes() const noexcept { return notes_; }
  // Keys of videos_cleaned.csv (lower case) to the keys of the other files.
  const std::map<std::string, std::string>& video_ids() const noexcept { return video_ids_; }
  const std::map<std::string, std::string>& uploader_ids() const noexcept { return uploader_ids_; }

 private:
  std::map<std::string, std::string> video_ids_;
  std::map<std::string, std::string> uploader_ids_;
  std::vector<std::string> notes_;
};

}  // namespace killrvideo::loader
