// The recount behind killrvideo-load --recount: counters corrupted behind the plugin's back are rebuilt
// from the rows they count, each correction reported; a second run finds nothing to correct.

#include "CommentsRatingsFixture.h"

namespace killrvideo::comments_ratings::testing {
namespace {

using nlohmann::json;

class CounterRepairTest : public CommentsRatingsFixture {
 protected:
  void corrupt(const std::string& collection, const std::string& id, const json& values) {
    host_.execute(collection, {{"updateOne", {{"filter", {{"_id", id}}}, {"update", {{"$set", values}}},
                                               {"options", {{"upsert", true}}}}}});
  }
};

TEST_F(CounterRepairTest, CommentCountsAreRebuiltFromTheRows) {
  comment(kReadyVideo, kAda, "first of two");
  comment(kReadyVideo, kGrace, "second of two");
  corrupt("comment_counts", std::string("video:") + kReadyVideo, {{"comments", 7}});
  corrupt("comment_counts", std::string("user:") + kAda, {{"comments", 0}});
  corrupt("comment_counts", std::string("video:") + kPendingVideo, {{"comments", 3}});

  EXPECT_EQ(host_.fake().run_recount("comment_counts"),
            std::vector<std::string>({std::string("user:") + kAda + ": 0 -> 1",
                                      std::string("video:") + kReadyVideo + ": 7 -> 2",
                                      std::string("video:") + kPendingVideo + ": 3 -> 0"}));
  EXPECT_EQ(get(std::string("/api/v1/videos/") + kReadyVideo + "/comments")["pagination"]["totalItems"], 2);
  EXPECT_EQ(get(std::string("/api/v1/users/") + kAda + "/comments")["pagination"]["totalItems"], 1);
  EXPECT_TRUE(host_.fake().run_recount("comment_counts").empty());
}

TEST_F(CounterRepairTest, RatingCountersAreRebuiltFromTheRatings) {
  rate(kReadyVideo, kAda, 5);
  rate(kReadyVideo, kGrace, 2);
  corrupt("video_ratings", kReadyVideo, {{"rating_count", 3}, {"rating_total", 9}});

  EXPECT_EQ(host_.fake().run_recount("video_ratings"),
            std::vector<std::string>({std::string(kReadyVideo) + ": 3 ratings totalling 9 -> 2 ratings totalling 7"}));
  EXPECT_EQ(get(std::string("/api/v1/videos/id/") + kReadyVideo + "/rating"),
            json({{"videoId", kReadyVideo}, {"averageRating", 3.5}, {"ratingCount", 2}}));
  EXPECT_TRUE(host_.fake().run_recount("video_ratings").empty());
}

}  // namespace
}  // namespace killrvideo::comments_ratings::testing
