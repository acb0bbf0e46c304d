// How the loader links videos_cleaned.csv to the rest of the export: video ids row by row from the playback
// stats when latest_videos.csv agrees, uploaders through latest_videos.csv and then, in order, to users
// who upload nothing — and what it keeps, and says, when the files do not allow it.

#include <gtest/gtest.h>

#include "tests/support/ServerProcess.h"
#include "tools/loader/ExportLinks.h"

namespace killrvideo::loader {
namespace {

using Links = std::map<std::string, std::string>;

// Cleaned keys (as videos_cleaned.csv has them) and original ones (as every other file has them).
constexpr const char* kCleaned1 = "c0000000-0000-4000-8000-000000000001";
constexpr const char* kCleaned2 = "c0000000-0000-4000-8000-000000000002";
constexpr const char* kCleaned3 = "c0000000-0000-4000-8000-000000000003";
constexpr const char* kCleaned4 = "c0000000-0000-4000-8000-000000000004";
constexpr const char* kStats1 = "50000000-0000-4000-8000-000000000001";
constexpr const char* kStats2 = "50000000-0000-4000-8000-000000000002";
constexpr const char* kStats3 = "50000000-0000-4000-8000-000000000003";
constexpr const char* kStats4 = "50000000-0000-4000-8000-000000000004";
constexpr const char* kUploaderA = "aa000000-0000-4000-8000-00000000000a";  // videos 1 and 3
constexpr const char* kUploaderB = "bb000000-0000-4000-8000-00000000000b";  // video 2
constexpr const char* kUploaderC = "cc000000-0000-4000-8000-00000000000c";  // video 4
constexpr const char* kAnna = "a0000000-0000-4000-8000-0000000000a1";
constexpr const char* kBen = "b0000000-0000-4000-8000-0000000000b1";
constexpr const char* kCleo = "c0000000-0000-4000-8000-0000000000c1";
constexpr const char* kDan = "d0000000-0000-4000-8000-0000000000d1";

std::string videos_csv() {
  return std::string("videoid,added_date,name,userid\n") +
         kCleaned1 + ",2025-08-28T05:04:35.000Z,\"First, with a comma\"," + kUploaderA + "\n" +
         kCleaned2 + ",2025-08-21T05:01:57.000Z,Second," + kUploaderB + "\n" +
         kCleaned3 + ",2025-07-23T04:52:22.000Z,Third," + kUploaderA + "\n" +
         kCleaned4 + ",2025-07-11T17:20:32.000Z,Fourth," + kUploaderC + "\n";
}

std::string stats_csv() {
  return std::string("videoid,views\n") + kStats1 + ",10\n" + kStats2 + ",20\n" + kStats3 + ",30\n" + kStats4 + ",40\n";
}

// The two newest videos, by original id, with their original uploaders.
std::string latest_csv(const std::string& second_name = "Second") {
  return std::string("day,added_date,videoid,name,userid\n") +
         "2025-08-28,2025-08-28T05:04:35.000Z," + kStats1 + ",\"First, with a comma\"," + kBen + "\n" +
         "2025-08-21,2025-08-21T05:01:57.000Z," + kStats2 + "," + second_name + "," + kDan + "\n";
}

std::string users_csv(const std::vector<std::string>& ids) {
  std::string csv = "userid,email,firstname,lastname\n";
  for (const auto& id : ids) csv += id + "," + id.substr(0, 2) + "@example.com,First,Last\n";
  return csv;
}

class ExportLinksTest : public ::testing::Test {
 protected:
  ExportLinks read(const std::vector<std::pair<std::string, std::string>>& files) {
    for (const auto& [name, content] : files) dir_.write(name, content);
    return ExportLinks::read(dir_.path());
  }
  testing::TempDir dir_;
};

TEST_F(ExportLinksTest, VideosTakeThePlaybackStatsIdsRowByRowAndUploadersTheUsersLatestVideosNames) {
  const auto links = read({{"videos_cleaned.csv", videos_csv()},
                           {"video_playback_stats.csv", stats_csv()},
                           {"latest_videos.csv", latest_csv()},
                           {"users.csv", users_csv({kAnna, kBen, kCleo, kDan})}});

  EXPECT_EQ(links.video_ids(), (Links{{kCleaned1, kStats1}, {kCleaned2, kStats2}, {kCleaned3, kStats3},
                                      {kCleaned4, kStats4}}));
  // A and B are named by latest_videos.csv; C is not, and gets the first user who uploads nothing.
  EXPECT_EQ(links.uploader_ids(), (Links{{kUploaderA, kBen}, {kUploaderB, kDan}, {kUploaderC, kAnna}}));
  EXPECT_EQ(links.notes(),
            (std::vector<std::string>{
                "videos_cleaned.csv: video ids taken from video_playback_stats.csv row by row (latest_videos.csv "
                "agrees on all 2 of its videos)",
                "videos_cleaned.csv: uploaders: 2 named by latest_videos.csv, 1 more matched, in the order of their "
                "first video, with the users.csv users who have no upload"}));

  plugin::ImportRow row{{"videoid", kCleaned3}, {"userid", kUploaderA}, {"name", "Third"}};
  links.relink_video(row);
  EXPECT_EQ(row, (plugin::ImportRow{{"videoid", kStats3}, {"userid", kBen}, {"name", "Third"}}));
}

TEST_F(ExportLinksTest, KeysAreMatchedWhateverTheirCase) {
  std::string videos = videos_csv();
  videos.replace(videos.find(kCleaned2), 36, "C0000000-0000-4000-8000-000000000002");
  const auto links = read({{"videos_cleaned.csv", videos},
                           {"video_playback_stats.csv", stats_csv()},
                           {"latest_videos.csv", latest_csv()},
                           {"users.csv", users_csv({kAnna, kBen, kCleo, kDan})}});
  plugin::ImportRow row{{"videoid", "C0000000-0000-4000-8000-000000000002"}, {"userid", kUploaderB}};
  links.relink_video(row);
  EXPECT_EQ(row.at("videoid"), kStats2);
  EXPECT_EQ(row.at("userid"), kDan);
}

TEST_F(ExportLinksTest, WhenLatestVideosContradictsTheRowOrderVideoIdsAreKeptAndUploadersMatchedInOrder) {
  const auto links = read({{"videos_cleaned.csv", videos_csv()},
                           {"video_playback_stats.csv", stats_csv()},
                           {"latest_videos.csv", latest_csv("Not the second")},
                           {"users.csv", users_csv({kAnna, kBen, kCleo, kDan})}});

  EXPECT_TRUE(links.video_ids().empty());
  EXPECT_EQ(links.uploader_ids(), (Links{{kUploaderA, kAnna}, {kUploaderB, kBen}, {kUploaderC, kCleo}}));
  ASSERT_EQ(links.notes().size(), 2u);
  EXPECT_EQ(links.notes()[0], std::string("videos_cleaned.csv: video ids kept: latest_videos.csv:3 names video ") +
                                  kStats2 + " 'Not the second', but the same row of videos_cleaned.csv is 'Second' "
                                  "(videos_cleaned.csv:3)");
}

TEST_F(ExportLinksTest, AnUploaderLatestVideosNamesAsTwoUsersIsMatchedInOrderInstead) {
  // Videos 1 and 3 share uploader A, but latest_videos.csv names Ben for one and Dan for the other.
  const std::string latest = latest_csv() + "2025-07-23,2025-07-23T04:52:22.000Z," + kStats3 + ",Third," + kDan + "\n";
  const auto links = read({{"videos_cleaned.csv", videos_csv()},
                           {"video_playback_stats.csv", stats_csv()},
                           {"latest_videos.csv", latest},
                           {"users.csv", users_csv({kAnna, kBen, kCleo, kDan})}});
  // Neither of A's two users is trusted, so Ben uploads nothing and is the next user in order after Anna.
  EXPECT_EQ(links.uploader_ids(), (Links{{kUploaderA, kAnna}, {kUploaderB, kDan}, {kUploaderC, kBen}}));
  EXPECT_EQ(links.notes().back(),
            "videos_cleaned.csv: uploaders: 1 named by latest_videos.csv, 2 more matched, in the order of their first "
            "video, with the users.csv users who have no upload (1 named as two different users by latest_videos.csv)");
}

TEST_F(ExportLinksTest, RowCountsThatDifferKeepTheVideoIds) {
  const auto links = read({{"videos_cleaned.csv", videos_csv()},
                           {"video_playback_stats.csv", std::string("videoid,views\n") + kStats1 + ",10\n"}});
  EXPECT_TRUE(links.video_ids().empty());
  EXPECT_EQ(links.notes(),
            (std::vector<std::string>{"videos_cleaned.csv: video ids kept: video_playback_stats.csv has 1 rows, "
                                      "videos_cleaned.csv 4",
                                      "videos_cleaned.csv: uploaders kept: no users.csv to match them with"}));
}

TEST_F(ExportLinksTest, AnUploaderWhoIsAUserKeepsTheirVideosAndIsNeverGivenSomeoneElses) {
  std::string videos = videos_csv();
  videos.replace(videos.find(kUploaderC), 36, kAnna);
  const auto links = read({{"videos_cleaned.csv", videos}, {"users.csv", users_csv({kAnna, kBen})}});
  EXPECT_EQ(links.uploader_ids(), (Links{{kUploaderA, kBen}})) << "Anna already uploads video 4";
  EXPECT_EQ(links.notes().back(),
            "videos_cleaned.csv: uploaders: 0 named by latest_videos.csv, 1 more matched, in the order of their first "
            "video, with the users.csv users who have no upload; 1 kept: users.csv has no more users");
}

TEST_F(ExportLinksTest, WithoutVideosThereIsNothingToLink) {
  const auto links = read({{"users.csv", users_csv({kAnna})}, {"video_playback_stats.csv", stats_csv()}});
  EXPECT_TRUE(links.video_ids().empty());
  EXPECT_TRUE(links.uploader_ids().empty());
  EXPECT_TRUE(links.notes().empty());
}

}  // namespace
}  // namespace killrvideo::loader
