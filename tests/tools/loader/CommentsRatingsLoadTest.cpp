// killrvideo-load feeds the KillrVideo export's comments and ratings to the comments_ratings importers;
// the server then answers the numbers the CSV files hold, and a second load changes none of them.

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>

#include <gtest/gtest.h>

#include "data/embedded/EmbeddedEngine.h"
#include "tests/support/HttpClient.h"
#include "tests/tools/loader/LoaderStore.h"
#include "tools/loader/CsvFileSource.h"

namespace killrvideo::testing {
namespace {

constexpr const char* kThreePlugins = "  - { name: accounts }\n  - { name: catalog }\n  - { name: comments_ratings }\n";

struct Expected {
  std::map<std::string, int> comments_by_video;
  std::map<std::string, int> comments_by_user;
  std::map<std::string, std::pair<int, int>> ratings_by_video;  // count, total
};

// The numbers, counted straight from the CSV files.
Expected count_csv(const std::filesystem::path& dir) {
  Expected expected;
  loader::CsvFileSource comments(dir / "comments.csv");
  while (auto row = comments.next()) {
    ++expected.comments_by_video[row->values.at("videoid")];
    ++expected.comments_by_user[row->values.at("userid")];
  }
  loader::CsvFileSource ratings(dir / "video_ratings_by_user.csv");
  while (auto row = ratings.next()) {
    auto& [count, total] = expected.ratings_by_video[row->values.at("videoid")];
    ++count;
    total += std::stoi(row->values.at("rating"));
  }
  return expected;
}

// The key with the largest value: the busiest video or user is the best check.
template <class Map>
std::string busiest(const Map& counts) {
  return std::max_element(counts.begin(), counts.end(), [](const auto& a, const auto& b) { return a.second < b.second; })
      ->first;
}

void expect_csv_numbers(const LoaderStore& store, const Expected& expected) {
  ServerProcess server(store.config_yaml());
  HttpClient client(server.base_url());
  for (const auto& video : {busiest(expected.comments_by_video), expected.comments_by_video.begin()->first}) {
    const auto page = client.get("/api/v1/videos/" + video + "/comments?pageSize=100").json();
    EXPECT_EQ(page["pagination"]["totalItems"], expected.comments_by_video.at(video)) << video;
    EXPECT_EQ(page["data"].size(), static_cast<std::size_t>(expected.comments_by_video.at(video))) << video;
  }
  const std::string author = busiest(expected.comments_by_user);
  const auto by_user = client.get("/api/v1/users/" + author + "/comments?pageSize=100").json();
  EXPECT_EQ(by_user["pagination"]["totalItems"], expected.comments_by_user.at(author));
  EXPECT_FALSE(by_user["data"][0]["firstName"].is_null()) << "authors are users of users.csv";

  std::map<std::string, int> rating_counts;
  for (const auto& [video, numbers] : expected.ratings_by_video) rating_counts[video] = numbers.first;
  for (const auto& video : {busiest(rating_counts), expected.ratings_by_video.rbegin()->first}) {
    const auto [count, total] = expected.ratings_by_video.at(video);
    const auto summary = client.get("/api/v1/videos/id/" + video + "/rating").json();
    EXPECT_EQ(summary["ratingCount"], count) << video;
    EXPECT_DOUBLE_EQ(summary["averageRating"].get<double>(), std::round(total * 100.0 / count) / 100.0) << video;
  }
}

TEST(CommentsRatingsLoadTest, TheExportsCommentsAndRatingsAnswerWhatTheCsvHoldsAfterEveryLoad) {
  if (!plugin_built("comments_ratings")) GTEST_SKIP() << "comments_ratings.so is not built in " << plugin_dir();
  if (!std::filesystem::is_directory(shared_data_dir())) {
    GTEST_SKIP() << "the KillrVideo export is not at " << shared_data_dir();
  }
  const Expected expected = count_csv(shared_data_dir());
  const LoaderStore store(kThreePlugins);
  for (int run = 1; run <= 2; ++run) {
    const auto result = store.load({shared_data_dir()});
    ASSERT_EQ(result.exit_code, 0) << result.output;
    EXPECT_NE(result.output.find("comments.csv: 771 rows loaded, 0 skipped"), std::string::npos) << result.output;
    EXPECT_NE(result.output.find("video_ratings_by_user.csv: 884 rows loaded, 0 skipped"), std::string::npos)
        << result.output;
    SCOPED_TRACE("after load " + std::to_string(run));
    expect_csv_numbers(store, expected);
  }
}

TEST(CommentsRatingsLoadTest, RecountRepairsACorruptedCountAndSaysWhat) {
  if (!plugin_built("comments_ratings")) GTEST_SKIP() << "comments_ratings.so is not built in " << plugin_dir();
  const LoaderStore store(kThreePlugins);
  const std::string video = "79577345-9470-41e2-93d1-311b10a1f8ae";
  const auto folder = store.write_folder(
      "csv", {{"comments.csv", "videoid,commentid,comment,userid,sentiment_score\n" + video +
                                   ",090f6644-b9cd-11f0-9a37-62bc60f3bc08,Fine,bc9a061d-f1e2-4ccc-a39b-9aedf110dad9,0.5\n"}});
  ASSERT_EQ(store.load({folder}).exit_code, 0);
  {
    host::embedded::EmbeddedEngine engine({store.data_dir()});
    engine.execute("killrvideo", "comment_counts",
                   {{"updateOne", {{"filter", {{"_id", "video:" + video}}}, {"update", {{"$set", {{"comments", 40}}}}}}}});
  }
  const auto repaired = store.load({"--recount"});
  ASSERT_EQ(repaired.exit_code, 0) << repaired.output;
  EXPECT_NE(repaired.output.find("comments_ratings comment_counts: video:" + video + ": 40 -> 1"), std::string::npos)
      << repaired.output;
  EXPECT_NE(repaired.output.find("comments_ratings comment_counts: 1 corrected"), std::string::npos) << repaired.output;
  EXPECT_NE(repaired.output.find("comments_ratings video_ratings: 0 corrected"), std::string::npos) << repaired.output;
  ServerProcess server(store.config_yaml());
  HttpClient client(server.base_url());
  EXPECT_EQ(client.get("/api/v1/videos/" + video + "/comments").json()["pagination"]["totalItems"], 1);
}

TEST(CommentsRatingsLoadTest, BadRowsAreNamedByFileAndLine) {
  if (!plugin_built("comments_ratings")) GTEST_SKIP() << "comments_ratings.so is not built in " << plugin_dir();
  const LoaderStore store(kThreePlugins);
  const auto folder = store.write_folder(
      "csv", {{"comments.csv",
               "videoid,commentid,comment,userid,sentiment_score\n"
               "79577345-9470-41e2-93d1-311b10a1f8ae,090f6644-b9cd-11f0-9a37-62bc60f3bc08,Fine,"
               "bc9a061d-f1e2-4ccc-a39b-9aedf110dad9,0.5\n"
               "79577345-9470-41e2-93d1-311b10a1f8ae,5e1f3b0a-1c2d-4e5f-8a9b-0c1d2e3f4a5b,Not time-based,"
               "bc9a061d-f1e2-4ccc-a39b-9aedf110dad9,0.5\n"},
              {"video_ratings_by_user.csv",
               "videoid,userid,rating,rating_date\n"
               "c14b3e66-c84c-497c-bd85-1f8475758d81,7777b733-a6b8-47e7-83ad-bc2739ae9954,7,2025-01-13T11:43:14.469Z\n"}});
  const auto result = store.load({folder});
  ASSERT_EQ(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find("comments.csv:3: column 'commentid' must be a time-based (version 1) UUID"),
            std::string::npos) << result.output;
  EXPECT_NE(result.output.find("comments.csv: 1 rows loaded, 1 skipped"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("video_ratings_by_user.csv:2: column 'rating' must be an integer from 1 to 5"),
            std::string::npos) << result.output;
}

}  // namespace
}  // namespace killrvideo::testing
