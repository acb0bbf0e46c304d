// #14, #15, #24, #25 on the real engine: what a rating answers, how the counters move, what is published.

#include "CommentsRatingsFixture.h"

namespace killrvideo::comments_ratings::testing {
namespace {

using nlohmann::json;

class RatingRoutesTest : public CommentsRatingsFixture {
 protected:
  json summary(const std::string& video, std::optional<Principal> caller = std::nullopt) {
    return get("/api/v1/videos/" + video + "/ratings", std::move(caller));
  }
  // The $inc the last rating sent to the counters, if any.
  std::optional<json> last_counter_increment() {
    std::optional<json> increment;
    for (const auto& call : host_.take_calls()) {
      if (call.target == "video_ratings" && call.command.contains("updateOne")) {
        increment = json(call.command["updateOne"]["update"]["$inc"]);
      }
    }
    return increment;
  }
};

TEST_F(RatingRoutesTest, AFirstRatingAnswersTheRatingResponseAndCountsOnce) {
  const Response rated = rate(kReadyVideo, kAda, 4);
  ASSERT_EQ(rated.status, 200) << rated.body;
  const json body = response_json(rated);
  EXPECT_EQ(body["rating"], 4);
  EXPECT_EQ(body["videoid"], kReadyVideo);
  EXPECT_EQ(body["userid"], kAda);
  EXPECT_EQ(body["created_at"], body["updated_at"]);
  EXPECT_EQ(last_counter_increment(), json({{"rating_count", 1}, {"rating_total", 4}}));
  const auto event = host_.fake().events().published().at(0);
  EXPECT_EQ(event.topic, "video.rated");
  EXPECT_EQ(event.payload, json({{"videoId", kReadyVideo}, {"userId", kAda}, {"rating", 4}, {"previousRating", nullptr},
                                 {"ratedAt", body["updated_at"]}}));
}

TEST_F(RatingRoutesTest, AReRateMovesOnlyTheTotalAndKeepsTheFirstDate) {
  const json first = response_json(rate(kReadyVideo, kAda, 3));
  host_.take_calls();
  const json second = response_json(rate(kReadyVideo, kAda, 5));
  EXPECT_EQ(last_counter_increment(), json({{"rating_count", 0}, {"rating_total", 2}}));
  EXPECT_EQ(second["created_at"], first["created_at"]);
  EXPECT_NE(second["updated_at"], first["updated_at"]);
  EXPECT_EQ(host_.fake().events().published().back().payload["previousRating"], 3);
  EXPECT_EQ(summary(kReadyVideo)["totalRatingsCount"], 1);
  EXPECT_EQ(summary(kReadyVideo)["averageRating"], 5.0);
}

TEST_F(RatingRoutesTest, TheSummaryAveragesToTwoDecimalsWithTheCallersOwnRating) {
  rate(kReadyVideo, kAda, 5);
  rate(kReadyVideo, kGrace, 4);
  const std::string third = "0a6c8e5f-6172-43a4-9f10-5b6c7d8e9fa0";
  rate(kReadyVideo, third, 4);
  EXPECT_EQ(summary(kReadyVideo, viewer(kAda)),
            json({{"videoId", kReadyVideo}, {"averageRating", 4.33}, {"totalRatingsCount", 3}, {"currentUserRating", 5}}));
  EXPECT_TRUE(summary(kReadyVideo)["currentUserRating"].is_null());
}

TEST_F(RatingRoutesTest, WithoutRatingsTheSummariesSayNullAndZero) {
  EXPECT_EQ(summary(kReadyVideo, viewer(kAda)),
            json({{"videoId", kReadyVideo}, {"averageRating", nullptr}, {"totalRatingsCount", 0}, {"currentUserRating", nullptr}}));
  EXPECT_EQ(get(std::string("/api/v1/videos/id/") + kReadyVideo + "/rating"),
            json({{"videoId", kReadyVideo}, {"averageRating", 0.0}, {"ratingCount", 0}}));
}

TEST_F(RatingRoutesTest, TheSingularApiSharesTheLogicAndNeverDoubleCounts) {
  const std::string path = std::string("/api/v1/videos/id/") + kReadyVideo + "/rating";
  EXPECT_EQ(host_.fake().call(Method::Post, path, {{"rating", 2}}, viewer(kAda)).status, 204);
  EXPECT_EQ(host_.fake().call(Method::Post, path, {{"rating", 3}}, viewer(kAda)).status, 204);
  rate(kReadyVideo, kGrace, 4);
  EXPECT_EQ(get(path), json({{"videoId", kReadyVideo}, {"averageRating", 3.5}, {"ratingCount", 2}}));
  const Response unknown =
      host_.fake().call(Method::Post, std::string("/api/v1/videos/id/") + kUnknownVideo + "/rating", {{"rating", 2}}, viewer(kAda));
  EXPECT_EQ(unknown.status, 404);
}

TEST_F(RatingRoutesTest, UnknownAndUnreadyVideosRefuseRatings) {
  const Response unknown = rate(kUnknownVideo, kAda, 4);
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(response_json(unknown)["detail"], "Video not found");
  const Response pending = rate(kPendingVideo, kAda, 4);
  EXPECT_EQ(pending.status, 404);
  EXPECT_EQ(response_json(pending)["detail"], "Video not available for rating");
  const Response summary_of_unknown =
      host_.fake().call(Method::Get, std::string("/api/v1/videos/") + kUnknownVideo + "/ratings");
  EXPECT_EQ(summary_of_unknown.status, 404);
  EXPECT_TRUE(host_.fake().events().published().empty());
}

TEST_F(RatingRoutesTest, RatingsOutsideOneToFiveAre422) {
  const auto issue_type = [&](const json& body) {
    const Response r =
        host_.fake().call(Method::Post, std::string("/api/v1/videos/") + kReadyVideo + "/ratings", body, viewer(kAda));
    EXPECT_EQ(r.status, 422) << r.body;
    return response_json(r)["detail"][0]["type"];
  };
  EXPECT_EQ(issue_type({{"rating", 0}}), "greater_than_equal");
  EXPECT_EQ(issue_type({{"rating", 6}}), "less_than_equal");
  EXPECT_EQ(issue_type({{"rating", "five"}}), "int_type");
  EXPECT_EQ(issue_type(json::object()), "missing");
  EXPECT_EQ(summary(kReadyVideo)["totalRatingsCount"], 0);
}

}  // namespace
}  // namespace killrvideo::comments_ratings::testing
