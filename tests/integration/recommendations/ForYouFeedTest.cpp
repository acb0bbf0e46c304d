// The personal feed through the real server: two viewers with different histories get feeds that lean
// their own way, what they watched is left out, and a viewer without history gets the latest videos.

#include <gtest/gtest.h>

#include <set>

#include "tests/integration/recommendations/RecommendationsServer.h"

namespace killrvideo::testing::recommendations {
namespace {

using nlohmann::json;

constexpr const char* kDatabaseFanId = "1a1a1a1a-0000-4000-8000-000000000001";
constexpr const char* kCookFanId = "2b2b2b2b-0000-4000-8000-000000000002";
constexpr const char* kNewcomerId = "3c3c3c3c-0000-4000-8000-000000000003";

class ForYouFeedTest : public TopicServerTest<ForYouFeedTest> {
 public:
  // The database fan watches two database videos, the cook two cooking videos.
  static void prepare(HttpClient& client) {
    watch(client, kDatabaseFanId, {database_ids_[0], database_ids_[1]});
    watch(client, kCookFanId, {cooking_ids_[0], cooking_ids_[1]});
  }

 protected:
  static void watch(HttpClient& client, const std::string& user_id, const std::vector<std::string>& video_ids) {
    for (const auto& id : video_ids) {
      const auto response = client.post(video_path(id) + "/view", "", {bearer(user_id, {"viewer"})});
      if (response.status != 204) throw std::runtime_error("view failed: " + response.body);
    }
  }

  json feed(const std::string& user_id, const std::string& query = "") {
    const auto response = client_.get("/api/v1/recommendations/foryou" + query, {bearer(user_id, {"viewer"})});
    EXPECT_EQ(response.status, 200) << response.body;
    return response.json();
  }

  static std::vector<std::string> ids_of(const json& page) {
    std::vector<std::string> ids;
    for (const auto& item : page["data"]) ids.push_back(item["videoId"].get<std::string>());
    return ids;
  }

  static std::size_t count_in(const std::vector<std::string>& ids, const std::vector<std::string>& topic) {
    const std::set<std::string> members(topic.begin(), topic.end());
    std::size_t count = 0;
    for (const auto& id : ids) count += members.count(id);
    return count;
  }
};

TEST_F(ForYouFeedTest, EachViewersFeedLeadsWithTheTopicTheyWatched) {
  const auto database_feed = ids_of(feed(kDatabaseFanId, "?pageSize=4"));
  const auto cooking_feed = ids_of(feed(kCookFanId, "?pageSize=4"));
  ASSERT_EQ(database_feed.size(), 4U);
  ASSERT_EQ(cooking_feed.size(), 4U);
  // The four unwatched videos of their own topic come before anything else.
  EXPECT_EQ(count_in(database_feed, database_ids_), 4U);
  EXPECT_EQ(count_in(cooking_feed, cooking_ids_), 4U);
  EXPECT_NE(database_feed, cooking_feed);
}

TEST_F(ForYouFeedTest, WatchedVideosAreLeftOutAndTheTotalIsTheFeedsLength) {
  const json first = feed(kDatabaseFanId, "?page=1&pageSize=8");
  EXPECT_EQ(first["pagination"], json({{"currentPage", 1}, {"pageSize", 8}, {"totalItems", 10}, {"totalPages", 2}}));
  const json second = feed(kDatabaseFanId, "?page=2&pageSize=8");
  auto ids = ids_of(first);
  const auto rest = ids_of(second);
  ids.insert(ids.end(), rest.begin(), rest.end());
  ASSERT_EQ(ids.size(), 10U);
  const std::set<std::string> unique(ids.begin(), ids.end());
  EXPECT_EQ(unique.size(), 10U);
  EXPECT_EQ(unique.count(database_ids_[0]) + unique.count(database_ids_[1]), 0U);
  EXPECT_EQ(first["data"][0].size(), 13U) << "a VideoSummary, as /videos/latest sends";
}

TEST_F(ForYouFeedTest, AViewerWithoutHistoryGetsTheLatestVideosNewestFirst) {
  const json page = feed(kNewcomerId, "?pageSize=3");
  EXPECT_EQ(page["pagination"], json({{"currentPage", 1}, {"pageSize", 3}, {"totalItems", 12}, {"totalPages", 4}}));
  EXPECT_EQ(ids_of(page), std::vector<std::string>({cooking_ids_[5], cooking_ids_[4], cooking_ids_[3]}));
}

TEST_F(ForYouFeedTest, PagingParametersOutOfRangeAre422) {
  for (const char* query : {"?page=0", "?pageSize=0", "?pageSize=101"}) {
    const auto response = client_.get(std::string("/api/v1/recommendations/foryou") + query, {viewer()});
    EXPECT_EQ(response.status, 422) << query;
  }
}

}  // namespace
}  // namespace killrvideo::testing::recommendations
