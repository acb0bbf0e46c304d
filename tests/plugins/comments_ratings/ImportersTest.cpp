// The comments and video_ratings_by_user importers on the real engine: idempotent, and bad rows named.

#include "CommentsRatingsFixture.h"

namespace killrvideo::comments_ratings::testing {
namespace {

using nlohmann::json;

constexpr const char* kExportComment = "090f6644-b9cd-11f0-9a37-62bc60f3bc08";

plugin::ImportRow comment_row(const std::string& comment_id = kExportComment) {
  return {{"videoid", kReadyVideo}, {"commentid", comment_id}, {"comment", "Thanks for sharing this."},
          {"userid", kAda}, {"sentiment_score", "0.878"}};
}

plugin::ImportRow rating_row(const std::string& rating) {
  return {{"videoid", kReadyVideo}, {"userid", kAda}, {"rating", rating}, {"rating_date", "2025-01-13T11:43:14.469Z"}};
}

class ImportersTest : public CommentsRatingsFixture {
 protected:
  std::string import(const std::string& dataset, const plugin::ImportRow& row) {
    return host_.fake().import_row(dataset, row);
  }
  json comments_page() { return get(std::string("/api/v1/videos/") + kReadyVideo + "/comments"); }
};

TEST_F(ImportersTest, AnImportedCommentIsListedCountedAndAnnouncedOnce) {
  ASSERT_EQ(import("comments", comment_row()), "");
  ASSERT_EQ(import("comments", comment_row()), "");
  const json page = comments_page();
  EXPECT_EQ(page["pagination"]["totalItems"], 1);
  ASSERT_EQ(page["data"].size(), 1U);
  EXPECT_EQ(page["data"][0]["commentid"], kExportComment);
  EXPECT_EQ(page["data"][0]["sentiment_score"], 0.878);
  EXPECT_EQ(get(std::string("/api/v1/users/") + kAda + "/comments")["pagination"]["totalItems"], 1);
  const auto events = host_.fake().events().published();
  ASSERT_EQ(events.size(), 1U);
  EXPECT_EQ(events[0].payload["addedAt"], "2025-11-04T22:24:31.992Z");
}

TEST_F(ImportersTest, AReImportLeavesAHiddenCommentHidden) {
  ASSERT_EQ(import("comments", comment_row()), "");
  host_.fake().publish("moderation.content_removed", {{"contentType", "comment"}, {"contentId", kExportComment}});
  ASSERT_EQ(import("comments", comment_row()), "");
  EXPECT_EQ(comments_page()["pagination"]["totalItems"], 0);
  EXPECT_TRUE(comments_page()["data"].empty());
}

TEST_F(ImportersTest, ARatingCountsOnceAndARerunPublishesNothing) {
  ASSERT_EQ(import("video_ratings_by_user", rating_row("4")), "");
  ASSERT_EQ(import("video_ratings_by_user", rating_row("4")), "");
  EXPECT_EQ(get(std::string("/api/v1/videos/") + kReadyVideo + "/ratings"),
            json({{"videoId", kReadyVideo}, {"averageRating", 4.0}, {"totalRatingsCount", 1}, {"currentUserRating", nullptr}}));
  const auto events = host_.fake().events().published();
  ASSERT_EQ(events.size(), 1U);
  EXPECT_EQ(events[0].payload["ratedAt"], "2025-01-13T11:43:14.469Z");
  // A changed export is news again: only the total moves.
  ASSERT_EQ(import("video_ratings_by_user", rating_row("2")), "");
  EXPECT_EQ(get(std::string("/api/v1/videos/") + kReadyVideo + "/ratings")["averageRating"], 2.0);
  EXPECT_EQ(host_.fake().events().published().back().payload["previousRating"], 4);
}

TEST_F(ImportersTest, BadRowsAreRefusedWithTheColumnNamed) {
  auto row = comment_row();
  row["commentid"] = "5e1f3b0a-1c2d-4e5f-8a9b-0c1d2e3f4a5b";
  EXPECT_NE(import("comments", row).find("column 'commentid' must be a time-based (version 1) UUID"), std::string::npos);
  row = comment_row();
  row.erase("videoid");
  EXPECT_NE(import("comments", row).find("column 'videoid' is missing"), std::string::npos);
  row = comment_row();
  row["sentiment_score"] = "very";
  EXPECT_NE(import("comments", row).find("column 'sentiment_score' must be a number"), std::string::npos);
  row = comment_row();
  row["comment"] = std::string(1001, 'x');
  EXPECT_NE(import("comments", row).find("column 'comment' must be at most 1000 characters"), std::string::npos);
  EXPECT_NE(import("video_ratings_by_user", rating_row("6")).find("column 'rating' must be an integer from 1 to 5"),
            std::string::npos);
  auto bad_date = rating_row("3");
  bad_date["rating_date"] = "yesterday";
  EXPECT_NE(import("video_ratings_by_user", bad_date).find("column 'rating_date' must be an ISO-8601 timestamp"),
            std::string::npos);
  EXPECT_EQ(comments_page()["pagination"]["totalItems"], 0);
  EXPECT_EQ(get(std::string("/api/v1/videos/") + kReadyVideo + "/ratings")["totalRatingsCount"], 0);
}

}  // namespace
}  // namespace killrvideo::comments_ratings::testing
