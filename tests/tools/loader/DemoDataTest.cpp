// The demo data: rows in the export's column format, passwords the legacy digest of the documented demo
// password, uploads spread over the last days, fixed keys so that a re-run upserts.

#include <set>

#include <gtest/gtest.h>

#include "auth/LegacyPasswordDigest.h"
#include "tools/loader/DataSets.h"
#include "tools/loader/DemoData.h"

namespace killrvideo::loader {
namespace {

using Columns = std::set<std::string>;

Columns columns_of(const plugin::ImportRow& row) {
  Columns columns;
  for (const auto& [column, value] : row) columns.insert(column);
  return columns;
}

const DemoDataSet& find_set(const std::vector<DemoDataSet>& sets, const std::string& dataset) {
  for (const auto& set : sets) {
    if (set.dataset == dataset) return set;
  }
  throw std::runtime_error("no demo data set " + dataset);
}

const auto kNow = std::chrono::system_clock::from_time_t(1'767'225'600);  // 2026-01-01T00:00:00Z

TEST(DemoDataTest, DataSetsComeInLoadOrderWithTheExportsColumns) {
  const auto sets = demo_data(kNow);
  ASSERT_EQ(sets.size(), 4u);
  EXPECT_EQ(sets[0].dataset, "users");
  EXPECT_EQ(sets[1].dataset, "user_credentials");
  EXPECT_EQ(sets[2].dataset, "videos");
  EXPECT_EQ(sets[3].dataset, "video_playback_stats");
  EXPECT_EQ(columns_of(sets[0].rows.at(0)),
            (Columns{"userid", "created_date", "email", "firstname", "lastname", "account_status", "last_login_date"}));
  EXPECT_EQ(columns_of(sets[1].rows.at(0)), (Columns{"email", "password", "userid", "account_locked"}));
  EXPECT_EQ(columns_of(sets[2].rows.at(0)),
            (Columns{"videoid", "added_date", "description", "location", "location_type", "name",
                     "preview_image_location", "tags", "userid", "content_rating", "category", "language"}));
  EXPECT_EQ(columns_of(sets[3].rows.at(0)),
            (Columns{"videoid", "views", "total_play_time", "complete_views", "unique_viewers"}));
}

TEST(DemoDataTest, ThreeUsersSignInWithTheDemoPasswordAsALegacyDigest) {
  const auto sets = demo_data(kNow);
  const auto& credentials = find_set(sets, "user_credentials").rows;
  ASSERT_EQ(find_set(sets, "users").rows.size(), 3u);
  ASSERT_EQ(credentials.size(), 3u);
  for (const auto& row : credentials) {
    EXPECT_TRUE(host::verify_legacy_password_digest(kDemoPassword, row.at("password"))) << row.at("email");
    EXPECT_EQ(row.at("account_locked"), "false");
  }
  EXPECT_EQ(credentials[0].at("email"), "ada@example.com");
}

TEST(DemoDataTest, TwelveVideosUploadedSevenHoursApartNewestFirst) {
  const auto sets = demo_data(kNow);
  const auto& videos = find_set(sets, "videos").rows;
  ASSERT_EQ(videos.size(), 12u);
  EXPECT_EQ(videos.front().at("added_date"), "2025-12-31T17:00:00.000Z");
  EXPECT_EQ(videos.back().at("added_date"), "2025-12-28T12:00:00.000Z");
  EXPECT_EQ(videos.front().at("location"), "https://www.youtube.com/embed/kvDemoVid01");
  EXPECT_EQ(videos.front().at("preview_image_location"), "https://i.ytimg.com/vi/kvDemoVid01/maxresdefault.jpg");
  EXPECT_EQ(videos.front().at("tags"), R"({"cassandra","data_modeling","tutorial"})");
}

TEST(DemoDataTest, KeysAreTheSameOnEveryRunAndEveryVideoHasStats) {
  const auto today = demo_data(kNow);
  const auto later = demo_data(kNow + std::chrono::hours(48));
  const auto& videos = find_set(today, "videos").rows;
  const auto& stats = find_set(today, "video_playback_stats").rows;
  ASSERT_EQ(stats.size(), videos.size());
  std::set<std::string> ids;
  for (std::size_t i = 0; i < videos.size(); ++i) {
    EXPECT_EQ(videos[i].at("videoid"), find_set(later, "videos").rows[i].at("videoid"));
    EXPECT_EQ(stats[i].at("videoid"), videos[i].at("videoid"));
    ids.insert(videos[i].at("videoid"));
  }
  EXPECT_EQ(ids.size(), 12u);
}

TEST(DemoDataTest, EveryDemoDataSetIsOneTheLoaderKnows) {
  std::set<std::string> known;
  for (const auto& file : kDataSetFiles) known.insert(file.dataset);
  for (const auto& set : demo_data(kNow)) EXPECT_EQ(known.count(set.dataset), 1u) << set.dataset;
}

}  // namespace
}  // namespace killrvideo::loader
