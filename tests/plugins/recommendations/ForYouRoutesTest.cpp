#include <gtest/gtest.h>

#include "killrvideo/plugin/testing/FakeHost.h"
#include "killrvideo/plugin/testing/ResponseJson.h"

#include "ForYouRoutes.h"
#include "RecommendationsPlugin.h"
#include "RecommendationsTestSupport.h"

namespace killrvideo::recommendations {
namespace {

using nlohmann::json;
using plugin::Method;
using plugin::testing::FakeHost;
using plugin::testing::response_json;
using namespace testing;

constexpr const char* kForYouPath = "/api/v1/recommendations/foryou";

plugin::Principal caller() { return {kUserId, {"viewer"}}; }

OJson preferences_row(const std::vector<float>& vector, const OJson& tags, const std::vector<std::string>& watched) {
  return {{"userid", kUserId}, {"preference_vector", plugin::data::vector_to_json(vector)}, {"tag_preferences", tags},
          {"watched_videos", watched}};
}

class ForYouRoutesTest : public ::testing::Test {
 protected:
  ForYouRoutesTest() { host_.load<RecommendationsPlugin>(); }

  FakeHost host_{"recommendations"};
};

TEST_F(ForYouRoutesTest, ACallerWithoutHistoryGetsTheLatestVideosWithTheFeedsLengthAsTotal) {
  host_.data().queue_response(found_none());
  host_.data().queue_response(found({{{"videoid", kIdA}, {"added_date", "2025-06-15T10:00:00Z"}},
                                         {{"videoid", kIdB}, {"added_date", "2025-06-15T12:00:00Z"}}}));
  // The walk goes back until the feed is full or the horizon is reached; these days hold nothing more.
  for (int read = 0; read < 13; ++read) host_.data().queue_response(found({}));
  host_.data().queue_response(found({video_row(kIdB, "Newest"), video_row(kIdA, "Older")}));
  host_.data().queue_response(found({video_row(kIdB, "Newest")}));
  host_.data().queue_response(found({}));
  const auto response = host_.call(Method::Get, std::string(kForYouPath) + "?page=1&pageSize=1", nullptr, caller());
  ASSERT_EQ(response.status, 200) << response.failure;

  const json body = response_json(response);
  EXPECT_EQ(body["pagination"], json({{"currentPage", 1}, {"pageSize", 1}, {"totalItems", 2}, {"totalPages", 2}}));
  ASSERT_EQ(body["data"].size(), 1U);
  EXPECT_EQ(body["data"][0]["title"], "Newest");
  EXPECT_EQ(host_.data().unanswered_responses(), 0U);
  const auto calls = host_.data().calls();
  EXPECT_EQ(calls[0].target, "user_preferences");
  EXPECT_EQ(calls[0].command["findOne"]["filter"], OJson({{"userid", kUserId}}));
}

TEST_F(ForYouRoutesTest, ATasteIsSentAsTheAnnQueryAndWhatWasWatchedIsLeftOut) {
  host_.data().queue_response(found_one(preferences_row(axis_vector(3, 2.0F), OJson::object(), {kIdC})));
  host_.data().queue_response(found({ann_row(kIdC, "Watched", 0.99), ann_row(kIdA, "Close", 0.9),
                                         ann_row(kIdB, "Further", 0.6)}));
  host_.data().queue_response(found({video_row(kIdA, "Close"), video_row(kIdB, "Further")}));
  host_.data().queue_response(found({stats(kIdA, 3)}));
  const auto response = host_.call(Method::Get, kForYouPath, nullptr, caller());
  ASSERT_EQ(response.status, 200) << response.failure;

  const auto calls = host_.data().calls();
  ASSERT_EQ(calls.size(), 4U);
  const OJson ann = calls[1].command["find"];
  EXPECT_EQ(ann["sort"]["content_features"], plugin::data::vector_to_json(axis_vector(3, 2.0F)));
  // The feed's length plus what may be dropped.
  EXPECT_EQ(ann["options"]["limit"], static_cast<int>(kFeedLength) + 1);
  EXPECT_EQ(calls[2].command["find"]["filter"], OJson({{"videoid", {{"$in", {kIdA, kIdB}}}}}));

  const json body = response_json(response);
  EXPECT_EQ(body["pagination"], json({{"currentPage", 1}, {"pageSize", 10}, {"totalItems", 2}, {"totalPages", 1}}));
  ASSERT_EQ(body["data"].size(), 2U);
  EXPECT_EQ(body["data"][0]["videoId"], kIdA);
  EXPECT_EQ(body["data"][0]["views"], 3);
  EXPECT_EQ(body["data"][1]["videoId"], kIdB);
}

TEST_F(ForYouRoutesTest, TagWeightsReRankCandidatesOfCloseSimilarity) {
  host_.data().queue_response(found_one(preferences_row(axis_vector(0), OJson({{"cooking", 3.0}}), {})));
  host_.data().queue_response(found({ann_row(kIdA, "Databases", 0.80, "READY", {"databases"}),
                                         ann_row(kIdB, "Pasta", 0.78, "READY", {"cooking"})}));
  host_.data().queue_response(found({video_row(kIdB, "Pasta"), video_row(kIdA, "Databases")}));
  host_.data().queue_response(found({}));
  const auto response = host_.call(Method::Get, kForYouPath, nullptr, caller());
  ASSERT_EQ(response.status, 200) << response.failure;
  const json body = response_json(response);
  EXPECT_EQ(body["data"][0]["title"], "Pasta");
  EXPECT_EQ(body["data"][1]["title"], "Databases");
}

TEST_F(ForYouRoutesTest, APageBeyondTheFeedIsEmptyWithTheTrueTotal) {
  host_.data().queue_response(found_one(preferences_row(axis_vector(0), OJson::object(), {})));
  host_.data().queue_response(found({ann_row(kIdA, "Only", 0.9)}));
  const auto response = host_.call(Method::Get, std::string(kForYouPath) + "?page=3&pageSize=5", nullptr, caller());
  ASSERT_EQ(response.status, 200) << response.failure;
  EXPECT_EQ(response_json(response),
            json({{"data", json::array()},
                  {"pagination", {{"currentPage", 3}, {"pageSize", 5}, {"totalItems", 1}, {"totalPages", 1}}}}));
  // No page, no read of videos or counters.
  EXPECT_EQ(host_.data().calls().size(), 2U);
}

TEST_F(ForYouRoutesTest, PageAndPageSizeOutOfRangeAre422) {
  for (const char* query : {"?page=0", "?pageSize=0", "?pageSize=101", "?page=x"}) {
    const auto response = host_.call(Method::Get, std::string(kForYouPath) + query, nullptr, caller());
    EXPECT_EQ(response.status, 422) << query;
    EXPECT_EQ(response_json(response)["detail"][0]["loc"][0], "query") << query;
  }
}

TEST(TagAffinityTest, IsTheShareOfTheUsersPositiveTagWeightTheVideoCarries) {
  const std::map<std::string, double> weights = {{"cooking", 3.0}, {"pasta", 1.0}, {"disliked", -2.0}};
  EXPECT_DOUBLE_EQ(tag_affinity(weights, OJson({{"tags", {"cooking"}}})), 0.75);
  EXPECT_DOUBLE_EQ(tag_affinity(weights, OJson({{"tags", {"cooking", "pasta", "disliked"}}})), 1.0);
  EXPECT_DOUBLE_EQ(tag_affinity(weights, OJson({{"tags", {"databases"}}})), 0.0);
  EXPECT_DOUBLE_EQ(tag_affinity({}, OJson({{"tags", {"cooking"}}})), 0.0);
}

}  // namespace
}  // namespace killrvideo::recommendations
