#include <gtest/gtest.h>

#include "killrvideo/plugin/testing/FakeHost.h"
#include "killrvideo/plugin/testing/ResponseJson.h"

#include "RecommendationsPlugin.h"
#include "RecommendationsTestSupport.h"

namespace killrvideo::recommendations {
namespace {

using nlohmann::json;
using plugin::Method;
using plugin::testing::FakeHost;
using plugin::testing::response_json;
using namespace testing;

const std::string kRelatedPath = std::string("/api/v1/videos/id/") + kSourceId + "/related";

class RelatedRoutesTest : public ::testing::Test {
 protected:
  RelatedRoutesTest() { host_.load<RecommendationsPlugin>(); }

  FakeHost host_{"recommendations"};
};

TEST_F(RelatedRoutesTest, AnUnknownSourceIsAnEmptyArray) {
  host_.data().queue_response(found_none());
  const auto response = host_.call(Method::Get, kRelatedPath);
  ASSERT_EQ(response.status, 200) << response.failure;
  EXPECT_EQ(response_json(response), json::array());
  EXPECT_EQ(host_.data().calls().size(), 1U);
}

TEST_F(RelatedRoutesTest, TheSourcesVectorIsSortedByAndTheSourceIsDropped) {
  host_.data().queue_response(found_one(video_row(kSourceId, "Source", axis_vector(0))));
  host_.data().queue_response(found({ann_row(kSourceId, "Source", 1.0), ann_row(kIdA, "Closest", 0.9),
                                         ann_row(kIdB, "Next", 0.8)}));
  host_.data().queue_response(found({stats(kIdA, 7, 2, 9)}));
  const auto response = host_.call(Method::Get, kRelatedPath + "?limit=2");
  ASSERT_EQ(response.status, 200) << response.failure;

  const auto calls = host_.data().calls();
  ASSERT_EQ(calls.size(), 3U);
  EXPECT_EQ(calls[0].command["findOne"]["filter"], OJson({{"videoid", kSourceId}}));
  const OJson ann = calls[1].command["find"];
  EXPECT_EQ(calls[1].target, "videos");
  EXPECT_EQ(ann["sort"]["content_features"], plugin::data::vector_to_json(axis_vector(0)));
  // limit + 1: the source is its own nearest neighbour.
  EXPECT_EQ(ann["options"], OJson({{"includeSimilarity", true}, {"limit", 3}}));
  EXPECT_FALSE(ann.contains("filter"));
  EXPECT_EQ(calls[2].target, "video_stats");

  const json items = response_json(response);
  ASSERT_EQ(items.size(), 2U);
  EXPECT_EQ(items[0], json({{"videoId", kIdA}, {"title", "Closest"}, {"thumbnailUrl", nullptr}, {"score", 0.9},
                            {"views", 7}, {"viewCount", 7}, {"averageRating", 4.5},
                            {"uploadDate", "2025-06-01T00:00:00.000Z"}}));
  EXPECT_EQ(items[1]["videoId"], kIdB);
  EXPECT_EQ(items[1]["score"], 0.8);
  EXPECT_EQ(items[1]["views"], 0);
  EXPECT_EQ(items[1]["averageRating"], nullptr);
}

TEST_F(RelatedRoutesTest, VideosThatAreNotReadyAreDroppedAndTheIndexIsAskedForMore) {
  host_.data().queue_response(found_one(video_row(kSourceId, "Source", axis_vector(0))));
  host_.data().queue_response(found({ann_row(kSourceId, "Source", 1.0), ann_row(kIdA, "Pending", 0.95, "PENDING"),
                                         ann_row(kIdB, "Ready", 0.9)}));
  host_.data().queue_response(found({ann_row(kSourceId, "Source", 1.0), ann_row(kIdA, "Pending", 0.95, "PENDING"),
                                         ann_row(kIdB, "Ready", 0.9), ann_row(kIdC, "Also ready", 0.7, "READY")}));
  host_.data().queue_response(found({}));
  const auto response = host_.call(Method::Get, kRelatedPath + "?limit=2");
  ASSERT_EQ(response.status, 200) << response.failure;

  const auto calls = host_.data().calls();
  ASSERT_EQ(calls.size(), 4U);
  EXPECT_EQ(calls[1].command["find"]["options"]["limit"], 3);
  // Three rows came back for three asked, two were dropped: the second read asks for twice as many. It
  // found only four, so the index has no more.
  EXPECT_EQ(calls[2].command["find"]["options"]["limit"], 6);
  const json items = response_json(response);
  ASSERT_EQ(items.size(), 2U);
  EXPECT_EQ(items[0]["videoId"], kIdB);
  EXPECT_EQ(items[1]["videoId"], kIdC);
}

TEST_F(RelatedRoutesTest, ASourceWithoutAVectorFallsBackToTheLatestVideosWithoutScores) {
  host_.data().queue_response(found_one(video_row(kSourceId, "Source")));
  host_.data().queue_response(found({{{"videoid", kIdA}, {"added_date", "2025-06-15T10:00:00Z"}},
                                         {{"videoid", kSourceId}, {"added_date", "2025-06-15T11:00:00Z"}},
                                         {{"videoid", kIdB}, {"added_date", "2025-06-15T12:00:00Z"}}}));
  host_.data().queue_response(found({video_row(kIdB, "Newest"), video_row(kIdA, "Older")}));
  host_.data().queue_response(found({}));
  const auto response = host_.call(Method::Get, kRelatedPath + "?limit=2");
  ASSERT_EQ(response.status, 200) << response.failure;

  const auto calls = host_.data().calls();
  ASSERT_EQ(calls.size(), 4U);
  // Today's partition (the fake clock's day) answered with enough videos: no other day is read.
  EXPECT_EQ(calls[1].target, "latest_videos");
  EXPECT_EQ(calls[1].command["find"]["filter"], OJson({{"day", {{"$in", {"2025-06-15"}}}}}));
  EXPECT_EQ(calls[2].command["find"]["filter"], OJson({{"videoid", {{"$in", {kIdB, kIdA}}}}}));
  const json items = response_json(response);
  ASSERT_EQ(items.size(), 2U);
  EXPECT_EQ(items[0]["title"], "Newest");
  EXPECT_EQ(items[0]["score"], nullptr);
  EXPECT_EQ(items[1]["title"], "Older");
}

TEST_F(RelatedRoutesTest, TheLatestWalkReadsFurtherBackInGrowingBatchesOfDays) {
  host_.data().queue_response(found_one(video_row(kSourceId, "Source")));
  host_.data().queue_response(found({}));
  host_.data().queue_response(found({{{"videoid", kIdA}, {"added_date", "2025-06-10T10:00:00Z"}}}));
  host_.data().queue_response(found({video_row(kIdA, "Last week")}));
  host_.data().queue_response(found({}));
  const auto response = host_.call(Method::Get, kRelatedPath + "?limit=1");
  ASSERT_EQ(response.status, 200) << response.failure;

  const auto calls = host_.data().calls();
  ASSERT_EQ(calls.size(), 5U);
  EXPECT_EQ(calls[1].command["find"]["filter"]["day"]["$in"].size(), 1U);
  const OJson week = calls[2].command["find"]["filter"]["day"]["$in"];
  EXPECT_EQ(week.size(), 7U);
  EXPECT_EQ(week.front(), "2025-06-14");
  EXPECT_EQ(week.back(), "2025-06-08");
  EXPECT_EQ(response_json(response)[0]["title"], "Last week");
}

TEST_F(RelatedRoutesTest, LimitOutside1To20Is422) {
  for (const char* query : {"?limit=0", "?limit=21", "?limit=five"}) {
    const auto response = host_.call(Method::Get, kRelatedPath + query);
    EXPECT_EQ(response.status, 422) << query;
    EXPECT_EQ(response_json(response)["detail"][0]["loc"], json({"query", "limit"})) << query;
  }
  EXPECT_TRUE(host_.data().calls().empty());
}

}  // namespace
}  // namespace killrvideo::recommendations
