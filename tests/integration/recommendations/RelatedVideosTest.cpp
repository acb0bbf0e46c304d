// Related videos through the real server: real ANN over the catalog's vectors, the source excluded,
// similarity scores, the limit's bounds.

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "tests/integration/recommendations/RecommendationsServer.h"

namespace killrvideo::testing::recommendations {
namespace {

using nlohmann::json;

class RelatedVideosTest : public TopicServerTest<RelatedVideosTest> {
 protected:
  json related(const std::string& video_id, const std::string& query = "") {
    const auto response = client_.get(video_path(video_id) + "/related" + query);
    EXPECT_EQ(response.status, 200) << response.body;
    return response.json();
  }
};

TEST_F(RelatedVideosTest, TheNearestVideosShareTheSourcesTopicAndTheSourceIsLeftOut) {
  const json items = related(database_ids_[0]);
  ASSERT_EQ(items.size(), 5U);
  const std::set<std::string> same_topic(database_ids_.begin() + 1, database_ids_.end());
  for (const auto& item : items) EXPECT_EQ(same_topic.count(item["videoId"].get<std::string>()), 1U) << item.dump();
  for (std::size_t i = 1; i < items.size(); ++i) EXPECT_GE(items[i - 1]["score"], items[i]["score"]);
  EXPECT_GT(items[4]["score"].get<double>(), 0.5);
  EXPECT_LE(items[0]["score"].get<double>(), 1.0);
}

TEST_F(RelatedVideosTest, ScoresAreTheSameFromCallToCall) { EXPECT_EQ(related(cooking_ids_[2]), related(cooking_ids_[2])); }

TEST_F(RelatedVideosTest, ItemsCarryTheFieldsTheCardsRead) {
  ASSERT_EQ(client_.post(video_path(cooking_ids_[1]) + "/view", "", {}).status, 204);
  const json items = related(cooking_ids_[0], "?limit=20");
  const auto viewed = std::find_if(items.begin(), items.end(), [](const json& item) { return item["videoId"] == cooking_ids_[1]; });
  ASSERT_NE(viewed, items.end());
  EXPECT_EQ((*viewed)["views"], 1);
  EXPECT_EQ((*viewed)["title"], "cooking lesson: lasagne");
  EXPECT_EQ((*viewed)["thumbnailUrl"], "https://i.ytimg.com/vi/abcdefghijk/hqdefault.jpg");
  EXPECT_EQ((*viewed)["averageRating"], nullptr);
  EXPECT_TRUE((*viewed)["uploadDate"].is_string());
  EXPECT_TRUE((*viewed)["score"].is_number());
}

TEST_F(RelatedVideosTest, TheLimitBoundsTheAnswer) {
  EXPECT_EQ(related(database_ids_[0], "?limit=1").size(), 1U);
  // Twelve videos, the source left out.
  EXPECT_EQ(related(database_ids_[0], "?limit=20").size(), 11U);
}

TEST_F(RelatedVideosTest, AnUnknownSourceIsAnEmptyArray) {
  EXPECT_EQ(related("00000000-0000-4000-8000-00000000dead"), json::array());
}

TEST_F(RelatedVideosTest, LimitsOutside1To20Are422AndAnUpperCaseIdIsNoRoute) {
  for (const char* query : {"?limit=0", "?limit=21", "?limit=many"}) {
    const auto response = client_.get(video_path(database_ids_[0]) + "/related" + query);
    EXPECT_EQ(response.status, 422) << query;
    EXPECT_EQ(response.json()["detail"][0]["loc"], json({"query", "limit"})) << query;
  }
  std::string upper = database_ids_[0];
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  const auto response = client_.get(video_path(upper) + "/related");
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response.json(), json({{"detail", "Not Found"}}));
}

}  // namespace
}  // namespace killrvideo::testing::recommendations
