// The KillrVideo export as a person sees it after killrvideo-load, on the real server: every video has an
// uploader with a name, the views of its playback stats, the rating of video_ratings.csv, and its comments.

#include <cmath>
#include <filesystem>
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "tests/support/HttpClient.h"
#include "tests/tools/loader/LoaderStore.h"
#include "tools/loader/CsvFileSource.h"

namespace killrvideo::testing {
namespace {

constexpr const char* kThreePlugins = "  - { name: accounts }\n  - { name: catalog }\n  - { name: comments_ratings }\n";

// column `value` of every row of `file`, by column `key`.
std::map<std::string, std::string> column_by(const std::string& file, const std::string& key, const std::string& value) {
  std::map<std::string, std::string> values;
  loader::CsvFileSource rows(std::filesystem::path(shared_data_dir()) / file);
  while (auto row = rows.next()) values[row->values.at(key)] = row->values.at(value);
  return values;
}

TEST(SampleDataLoadTest, EveryVideoHasANamedUploaderItsViewsItsRatingAndItsComments) {
  if (!plugin_built("comments_ratings")) GTEST_SKIP() << "comments_ratings.so is not built in " << plugin_dir();
  if (!std::filesystem::is_directory(shared_data_dir())) {
    GTEST_SKIP() << "the KillrVideo export is not at " << shared_data_dir();
  }
  const LoaderStore store(kThreePlugins);
  const auto load = store.load({shared_data_dir()});
  ASSERT_EQ(load.exit_code, 0) << load.output;
  EXPECT_NE(load.output.find("videos_cleaned.csv: video ids taken from video_playback_stats.csv row by row "
                             "(latest_videos.csv agrees on all 100 of its videos)\n"),
            std::string::npos) << load.output;
  EXPECT_NE(load.output.find("videos_cleaned.csv: uploaders: 68 named by latest_videos.csv, 67 more matched, in the "
                             "order of their first video, with the users.csv users who have no upload\n"),
            std::string::npos) << load.output;

  const auto views = column_by("video_playback_stats.csv", "videoid", "views");
  const auto rating_counts = column_by("video_ratings.csv", "videoid", "rating_counter");
  const auto rating_totals = column_by("video_ratings.csv", "videoid", "rating_total");
  const auto names = column_by("users.csv", "userid", "firstname");
  std::map<std::string, int> comments;
  loader::CsvFileSource comment_rows(std::filesystem::path(shared_data_dir()) / "comments.csv");
  while (auto row = comment_rows.next()) ++comments[row->values.at("videoid")];

  ServerProcess server(store.config_yaml());
  HttpClient client(server.base_url());
  std::set<std::string> uploaders;
  std::size_t videos = 0;
  for (int page = 1; page <= 5; ++page) {
    const auto listing = client.get("/api/v1/videos/latest?pageSize=100&page=" + std::to_string(page)).json();
    for (const auto& video : listing["data"]) {
      ++videos;
      const std::string id = video["videoId"];
      SCOPED_TRACE(id);
      ASSERT_TRUE(views.count(id)) << "a video id the playback stats do not know";
      EXPECT_EQ(video["views"], std::stoll(views.at(id)));
      if (rating_counts.count(id)) {
        const double average = std::stod(rating_totals.at(id)) / std::stod(rating_counts.at(id));
        EXPECT_DOUBLE_EQ(video["averageRating"].get<double>(), std::round(average * 100) / 100);
      } else {
        EXPECT_TRUE(video["averageRating"].is_null());
      }
      uploaders.insert(video["userId"].get<std::string>());
    }
  }
  EXPECT_EQ(videos, 500u);
  EXPECT_EQ(uploaders.size(), 135u) << "one user for each uploader of videos_cleaned.csv";
  for (const auto& uploader : uploaders) {
    const auto user = client.get("/api/v1/users/" + uploader);
    ASSERT_EQ(user.status, 200) << uploader << ": " << user.body;
    EXPECT_EQ(user.json()["firstName"], names.at(uploader));
  }
  for (const auto& [video, count] : comments) {
    ASSERT_EQ(client.get("/api/v1/videos/id/" + video).status, 200) << "commented video " << video;
    EXPECT_EQ(client.get("/api/v1/videos/" + video + "/comments").json()["pagination"]["totalItems"], count) << video;
  }
}

}  // namespace
}  // namespace killrvideo::testing
