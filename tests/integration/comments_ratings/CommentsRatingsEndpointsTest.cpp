// The comments_ratings routes in the real server on the embedded engine, with the accounts and catalog
// plugins consuming what it publishes: activity rows, and ratings on the video itself.

#include <gtest/gtest.h>

#include "tests/integration/comments_ratings/CommentsRatingsServer.h"

namespace killrvideo::testing::comments_ratings {
namespace {

using nlohmann::json;

class CommentsRatingsEndpointsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new ServerProcess(server_config()); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  CommentsRatingsEndpointsTest()
      : client_(server_->base_url()),
        creator_(sign_up(client_, unique_email("creator"))),
        video_(submit_video(client_, creator_)) {}

  static ServerProcess* server_;
  HttpClient client_;
  Member creator_;
  std::string video_;
};
ServerProcess* CommentsRatingsEndpointsTest::server_ = nullptr;

TEST_F(CommentsRatingsEndpointsTest, ACommentIsAnsweredListedTwiceAndBecomesActivity) {
  const auto added = add_comment(client_, video_, creator_, "Great walkthrough!");
  ASSERT_EQ(added.status, 201) << added.body;
  const json comment = added.json();
  EXPECT_EQ(comment["firstName"], "Ada");
  EXPECT_EQ(comment["sentiment_score"], 0.9);

  const json by_video = client_.get("/api/v1/videos/" + video_ + "/comments").json();
  EXPECT_EQ(by_video["data"], json::array({comment}));
  EXPECT_EQ(by_video["pagination"]["totalItems"], 1);
  const json by_user = client_.get("/api/v1/users/" + creator_.user_id + "/comments").json();
  EXPECT_EQ(by_user["data"], json::array({comment}));

  const json activity = client_.get("/api/v1/users/" + creator_.user_id + "/activity?activity_type=comment").json();
  ASSERT_EQ(activity["data"].size(), 1U) << activity;
  EXPECT_EQ(activity["data"][0]["activity_id"], comment["commentid"]);
  EXPECT_EQ(activity["data"][0]["videoid"], video_);
}

// Anonymous GETs are answered from the server's response cache while nothing is written: every write
// through the server (here a comment, a view, a rating and what its subscribers write) shows at once.
TEST_F(CommentsRatingsEndpointsTest, NoAnswerReadBeforeAWriteIsServedAfterIt) {
  const std::string comments = "/api/v1/videos/" + video_ + "/comments";
  const std::string details = "/api/v1/videos/id/" + video_;
  for (int i = 0; i < 3; ++i) {  // the second and third are served from the cache
    EXPECT_EQ(client_.get(comments).json()["pagination"]["totalItems"], 0);
    EXPECT_EQ(client_.get(details).json()["views"], 0);
  }
  ASSERT_EQ(add_comment(client_, video_, creator_, "Cached? Not after this.").status, 201);
  const json listed = client_.get(comments).json();
  EXPECT_EQ(listed["pagination"]["totalItems"], 1) << listed;
  ASSERT_EQ(listed["data"].size(), 1U);
  EXPECT_EQ(listed["data"][0]["comment"], "Cached? Not after this.");

  ASSERT_EQ(client_.post("/api/v1/videos/id/" + video_ + "/view", "").status, 204);
  EXPECT_EQ(client_.get(details).json()["views"], 1);
  ASSERT_EQ(rate(client_, video_, creator_, 4).status, 200);
  EXPECT_EQ(client_.get("/api/v1/videos/id/" + video_ + "/rating").json()["ratingCount"], 1);
}

TEST_F(CommentsRatingsEndpointsTest, RatingsReachTheSummaryTheVideoAndTheActivity) {
  const Member other = sign_up(client_, unique_email("rater"));
  ASSERT_EQ(rate(client_, video_, creator_, 4).status, 200);
  ASSERT_EQ(rate(client_, video_, other, 5).status, 200);
  const auto rerated = rate(client_, video_, other, 3);
  ASSERT_EQ(rerated.status, 200) << rerated.body;
  EXPECT_EQ(rerated.json()["rating"], 3);

  EXPECT_EQ(client_.get("/api/v1/videos/" + video_ + "/ratings", {other.authorization}).json(),
            json({{"videoId", video_}, {"averageRating", 3.5}, {"totalRatingsCount", 2}, {"currentUserRating", 3}}));
  EXPECT_EQ(client_.get("/api/v1/videos/id/" + video_ + "/rating").json(),
            json({{"videoId", video_}, {"averageRating", 3.5}, {"ratingCount", 2}}));
  const json details = client_.get("/api/v1/videos/id/" + video_).json();
  EXPECT_EQ(details["averageRating"], 3.5);
  EXPECT_EQ(details["totalRatingsCount"], 2);
  const json activity = client_.get("/api/v1/users/" + other.user_id + "/activity?activity_type=rate").json();
  EXPECT_EQ(activity["pagination"]["totalItems"], 2);
}

TEST_F(CommentsRatingsEndpointsTest, AnInvalidOrExpiredTokenMakesTheSummaryAnonymousNot401) {
  ASSERT_EQ(rate(client_, video_, creator_, 4).status, 200);
  const auto summary = client_.get("/api/v1/videos/" + video_ + "/ratings", {"Authorization: Bearer not-a-token"});
  ASSERT_EQ(summary.status, 200) << summary.body;
  EXPECT_TRUE(summary.json()["currentUserRating"].is_null());
}

TEST_F(CommentsRatingsEndpointsTest, ErrorsHaveTheContractsStatusAndDetail) {
  const std::string unknown = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
  const auto no_video = add_comment(client_, unknown, creator_, "hello there");
  EXPECT_EQ(no_video.status, 404);
  EXPECT_EQ(no_video.json()["detail"], "Video not found");
  EXPECT_EQ(no_video.json()["title"], "Not Found");
  const auto bad_rating = rate(client_, video_, creator_, 9);
  EXPECT_EQ(bad_rating.status, 422);
  EXPECT_EQ(bad_rating.json()["detail"][0]["loc"], json({"body", "rating"}));
  const auto malformed = client_.post("/api/v1/videos/" + video_ + "/comments", "{not json", {creator_.authorization});
  EXPECT_EQ(malformed.status, 422);
  EXPECT_EQ(malformed.json()["detail"][0]["type"], "json_invalid");
  EXPECT_EQ(client_.get("/api/v1/videos/" + video_ + "/comments?pageSize=101").status, 422);
  // Not a lowercase canonical UUID: the route does not match.
  EXPECT_EQ(client_.get("/api/v1/videos/NOT-A-UUID/comments").status, 404);
  EXPECT_EQ(client_.get("/api/v1/videos/" + unknown + "/ratings").status, 404);
}

}  // namespace
}  // namespace killrvideo::testing::comments_ratings
