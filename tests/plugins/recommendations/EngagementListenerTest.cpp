#include <gtest/gtest.h>

#include "killrvideo/plugin/testing/FakeHost.h"

#include "EngagementListener.h"
#include "RecommendationsPlugin.h"
#include "RecommendationsTestSupport.h"

namespace killrvideo::recommendations {
namespace {

using nlohmann::json;
using plugin::testing::FakeHost;
using namespace testing;

class EngagementListenerTest : public ::testing::Test {
 protected:
  EngagementListenerTest() { host_.load<RecommendationsPlugin>(); }

  // The update the listener sent to `user_preferences` (the last call).
  OJson preferences_update() {
    const auto calls = host_.data().calls();
    EXPECT_EQ(calls.back().target, "user_preferences");
    return calls.back().command["updateOne"];
  }

  FakeHost host_{"recommendations"};
};

TEST_F(EngagementListenerTest, AViewMarksTheVideoWatchedAndAddsItsVectorAndTagsOnce) {
  host_.data().queue_response(updated());
  host_.data().queue_response(found_one(video_row(kIdA, "Pasta", axis_vector(1, 0.5F), {"cooking"})));
  host_.data().queue_response(found_none());
  host_.data().queue_response(updated());
  host_.publish("video.viewed", {{"videoId", kIdA}, {"userId", kUserId}, {"viewedAt", "2025-06-15T13:20:00.000Z"}});
  ASSERT_TRUE(host_.events().failures().empty()) << host_.events().failures()[0].failure;

  const auto calls = host_.data().calls();
  ASSERT_EQ(calls.size(), 4U);
  EXPECT_EQ(calls[0].command["updateOne"]["update"]["$push"], OJson({{"watched_videos", kIdA}}));
  EXPECT_EQ(calls[1].target, "videos");
  const OJson update = preferences_update();
  EXPECT_EQ(update["filter"], OJson({{"userid", kUserId}}));
  EXPECT_EQ(update["update"]["$set"]["preference_vector"], plugin::data::vector_to_json(axis_vector(1, 0.5F)));
  EXPECT_EQ(update["update"]["$set"]["tag_preferences"], OJson({{"cooking", 1.0}}));
}

TEST_F(EngagementListenerTest, EngagementAddsToTheTasteAlreadyStored) {
  host_.data().queue_response(found_one(video_row(kIdA, "Pasta", axis_vector(1), {"cooking"})));
  host_.data().queue_response(found_one({{"userid", kUserId},
                                            {"preference_vector", plugin::data::vector_to_json(axis_vector(0))},
                                            {"tag_preferences", {{"cooking", 1.0}, {"databases", 1.0}}}}));
  host_.data().queue_response(updated());
  host_.publish("comment.added", {{"commentId", kIdB}, {"videoId", kIdA}, {"userId", kUserId}, {"addedAt", "x"}});

  std::vector<float> expected = axis_vector(0);
  expected[1] = static_cast<float>(kCommentWeight);
  const OJson set = preferences_update()["update"]["$set"];
  EXPECT_EQ(set["preference_vector"], plugin::data::vector_to_json(expected));
  EXPECT_EQ(set["tag_preferences"], OJson({{"cooking", 3.0}, {"databases", 1.0}}));
}

TEST_F(EngagementListenerTest, AHighRatingPullsTheTasteAndAReRateMovesItByTheDifference) {
  host_.data().queue_response(found_one(video_row(kIdA, "Pasta", axis_vector(1))));
  host_.data().queue_response(found_none());
  host_.data().queue_response(updated());
  host_.publish("video.rated", {{"videoId", kIdA}, {"userId", kUserId}, {"rating", 5}, {"previousRating", 4},
                                {"ratedAt", "2025-06-15T13:20:00.000Z"}});
  EXPECT_EQ(preferences_update()["update"]["$set"]["preference_vector"],
            plugin::data::vector_to_json(axis_vector(1, static_cast<float>(rating_weight(5) - rating_weight(4)))));
}

TEST_F(EngagementListenerTest, LowRatingsAndAnonymousViewsChangeNothing) {
  host_.publish("video.rated", {{"videoId", kIdA}, {"userId", kUserId}, {"rating", 3}, {"previousRating", nullptr}});
  host_.publish("video.viewed", {{"videoId", kIdA}, {"userId", "00000000-0000-0000-0000-000000000000"}});
  EXPECT_TRUE(host_.data().calls().empty());
  EXPECT_TRUE(host_.events().failures().empty());
}

TEST_F(EngagementListenerTest, ATasteThatCancelsOutIsClearedNotStoredAsAZeroVector) {
  host_.data().queue_response(found_one(video_row(kIdA, "Pasta", axis_vector(1))));
  host_.data().queue_response(found_one({{"userid", kUserId},
                                            {"preference_vector", plugin::data::vector_to_json(axis_vector(1, 3.0F))}}));
  host_.data().queue_response(updated());
  host_.publish("video.rated", {{"videoId", kIdA}, {"userId", kUserId}, {"rating", 1}, {"previousRating", 5}});
  EXPECT_EQ(preferences_update()["update"]["$unset"], OJson({{"preference_vector", ""}}));
}

TEST_F(EngagementListenerTest, MalformedEventsAreFailedDeliveries) {
  host_.publish("video.viewed", {{"videoId", "not-a-uuid"}, {"userId", kUserId}});
  host_.publish("video.rated", {{"videoId", kIdA}, {"userId", kUserId}, {"rating", "five"}});
  host_.publish("comment.added", {{"videoId", kIdA}});
  EXPECT_EQ(host_.events().failures().size(), 3U);
  EXPECT_TRUE(host_.data().calls().empty());
}

TEST(RatingWeightTest, OnlyHighRatingsCount) {
  EXPECT_EQ(rating_weight(1), 0.0);
  EXPECT_EQ(rating_weight(3), 0.0);
  EXPECT_EQ(rating_weight(4), 2.0);
  EXPECT_EQ(rating_weight(5), 3.0);
}

}  // namespace
}  // namespace killrvideo::recommendations
