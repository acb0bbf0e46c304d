// #21, #22, #23 on the real engine: what a comment answers, where it is written, how listings page.

#include "CommentsRatingsFixture.h"

namespace killrvideo::comments_ratings::testing {
namespace {

using nlohmann::json;

class CommentRoutesTest : public CommentsRatingsFixture {};

TEST_F(CommentRoutesTest, AddingAnswersTheExactCommentResponseKeysWithTheAuthorsName) {
  const Response added = comment(kReadyVideo, kAda, "Great explanation of partitions!");
  ASSERT_EQ(added.status, 201) << added.body;
  const json body = response_json(added);
  EXPECT_EQ(body.size(), 7U) << body;
  EXPECT_EQ(body["videoid"], kReadyVideo);
  EXPECT_EQ(body["userid"], kAda);
  EXPECT_EQ(body["comment"], "Great explanation of partitions!");
  EXPECT_EQ(body["sentiment_score"], 0.9);
  EXPECT_EQ(body["firstName"], "Ada");
  EXPECT_EQ(body["lastName"], "Lovelace");
  EXPECT_TRUE(body["commentid"].is_string());
}

TEST_F(CommentRoutesTest, TheSameCommentIsListedByItsVideoAndByItsAuthorAndPublished) {
  const json added = response_json(comment(kReadyVideo, kAda, "Thanks for sharing this"));
  const json by_video = get(std::string("/api/v1/videos/") + kReadyVideo + "/comments");
  const json by_user = get(std::string("/api/v1/users/") + kAda + "/comments");
  ASSERT_EQ(by_video["data"].size(), 1U);
  EXPECT_EQ(by_video["data"][0], added);
  EXPECT_EQ(by_user["data"], by_video["data"]);
  EXPECT_EQ(by_video["pagination"], json({{"currentPage", 1}, {"pageSize", 10}, {"totalItems", 1}, {"totalPages", 1}}));

  const auto events = host_.fake().events().published();
  ASSERT_EQ(events.size(), 1U);
  EXPECT_EQ(events[0].topic, "comment.added");
  EXPECT_EQ(events[0].payload["commentId"], added["commentid"]);
  EXPECT_EQ(events[0].payload["videoId"], kReadyVideo);
  EXPECT_EQ(events[0].payload["userId"], kAda);
  EXPECT_TRUE(events[0].payload["addedAt"].is_string());
}

TEST_F(CommentRoutesTest, AnUnknownVideoAndAVideoNotReadyRefuseComments) {
  const Response unknown = comment(kUnknownVideo, kAda, "hello there");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(response_json(unknown)["detail"], "Video not found");
  const Response pending = comment(kPendingVideo, kAda, "hello there");
  EXPECT_EQ(pending.status, 404);
  EXPECT_EQ(response_json(pending)["detail"], "Video is not ready for comments yet");
  EXPECT_TRUE(host_.fake().events().published().empty());
}

TEST_F(CommentRoutesTest, TextMustBeOneToOneThousandCharacters) {
  const auto issue_type = [&](const json& body) {
    const Response r = host_.fake().call(Method::Post, std::string("/api/v1/videos/") + kReadyVideo + "/comments", body,
                                         viewer(kAda));
    EXPECT_EQ(r.status, 422) << r.body;
    return response_json(r)["detail"][0]["type"];
  };
  EXPECT_EQ(issue_type(json::object()), "missing");
  EXPECT_EQ(issue_type({{"text", ""}}), "string_too_short");
  EXPECT_EQ(issue_type({{"text", std::string(1001, 'x')}}), "string_too_long");
  EXPECT_EQ(issue_type({{"text", 42}}), "string_type");
  // Characters, not bytes: 1000 two-byte characters fit.
  std::string thousand_e_acute;
  for (int i = 0; i < 1000; ++i) thousand_e_acute += "\xC3\xA9";
  EXPECT_EQ(comment(kReadyVideo, kAda, thousand_e_acute).status, 201);
}

TEST_F(CommentRoutesTest, ListingsAreNewestFirstPagedWithExactTotals) {
  std::vector<std::string> ids;
  for (int i = 0; i < 25; ++i) {
    ids.push_back(response_json(comment(kReadyVideo, i % 2 == 0 ? kAda : kGrace, "comment " + std::to_string(i)))["commentid"]);
  }
  const json page2 = get(std::string("/api/v1/videos/") + kReadyVideo + "/comments?page=2&pageSize=10");
  EXPECT_EQ(page2["pagination"], json({{"currentPage", 2}, {"pageSize", 10}, {"totalItems", 25}, {"totalPages", 3}}));
  ASSERT_EQ(page2["data"].size(), 10U);
  for (int i = 0; i < 10; ++i) EXPECT_EQ(page2["data"][i]["commentid"], ids[24 - 10 - i]);
  EXPECT_EQ(page2["data"][0]["firstName"], "Ada");  // comment 14
  EXPECT_EQ(page2["data"][1]["firstName"], "Grace");

  const json last = get(std::string("/api/v1/videos/") + kReadyVideo + "/comments?page=3&pageSize=10");
  EXPECT_EQ(last["data"].size(), 5U);
  EXPECT_EQ(last["data"][4]["commentid"], ids[0]);
  const json beyond = get(std::string("/api/v1/videos/") + kReadyVideo + "/comments?page=4&pageSize=10");
  EXPECT_TRUE(beyond["data"].empty());
  EXPECT_EQ(beyond["pagination"]["totalItems"], 25);

  const json graces = get(std::string("/api/v1/users/") + kGrace + "/comments?pageSize=100");
  EXPECT_EQ(graces["pagination"]["totalItems"], 12);
  EXPECT_EQ(graces["data"][0]["commentid"], ids[23]);
}

TEST_F(CommentRoutesTest, UnknownVideosAndUsersHaveAnEmptyPage) {
  const json none = get(std::string("/api/v1/videos/") + kUnknownVideo + "/comments");
  EXPECT_EQ(none, json({{"data", json::array()},
                        {"pagination", {{"currentPage", 1}, {"pageSize", 10}, {"totalItems", 0}, {"totalPages", 0}}}}));
}

TEST_F(CommentRoutesTest, PagingParametersOutOfRangeAre422) {
  for (const char* query : {"?page=0", "?pageSize=101", "?pageSize=0", "?page=x"}) {
    const Response r = host_.fake().call(Method::Get, std::string("/api/v1/videos/") + kReadyVideo + "/comments" + query);
    EXPECT_EQ(r.status, 422) << query;
  }
}

TEST_F(CommentRoutesTest, CommentsOfDeletedAuthorsKeepNullNames) {
  const std::string stranger = "0a6c8e5f-6172-43a4-9f10-5b6c7d8e9fa0";
  ASSERT_EQ(comment(kReadyVideo, stranger, "who am I?").status, 201);
  const json page = get(std::string("/api/v1/videos/") + kReadyVideo + "/comments");
  EXPECT_TRUE(page["data"][0]["firstName"].is_null());
  EXPECT_TRUE(page["data"][0]["lastName"].is_null());
}

}  // namespace
}  // namespace killrvideo::comments_ratings::testing
