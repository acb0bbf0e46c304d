// Hiding and restoring comments: the moderation plugin's events and #36, on the real engine.

#include "CommentsRatingsFixture.h"

namespace killrvideo::comments_ratings::testing {
namespace {

using nlohmann::json;

class CommentModerationTest : public CommentsRatingsFixture {
 protected:
  std::string add(const std::string& user, const std::string& text) {
    return response_json(comment(kReadyVideo, user, text))["commentid"];
  }
  void publish(const std::string& topic, const std::string& content_type, const std::string& id) {
    host_.fake().publish(topic, {{"contentType", content_type}, {"contentId", id}, {"moderatorId", kGrace}});
  }
  json video_page() { return get(std::string("/api/v1/videos/") + kReadyVideo + "/comments"); }
  json ada_page() { return get(std::string("/api/v1/users/") + kAda + "/comments"); }
  Response restore(const std::string& id) {
    return host_.fake().call(Method::Post, "/api/v1/moderation/comments/" + id + "/restore", nullptr,
                             Principal{kGrace, {"moderator"}});
  }
  std::vector<std::string> topics() {
    std::vector<std::string> names;
    for (const auto& event : host_.fake().events().published()) names.push_back(event.topic);
    return names;
  }
};

TEST_F(CommentModerationTest, ARemovedCommentLeavesBothListingsAndBothCounts) {
  const std::string kept = add(kAda, "first comment here");
  const std::string removed = add(kAda, "second comment here");
  publish("moderation.content_removed", "comment", removed);

  const json by_video = video_page();
  ASSERT_EQ(by_video["data"].size(), 1U);
  EXPECT_EQ(by_video["data"][0]["commentid"], kept);
  EXPECT_EQ(by_video["pagination"]["totalItems"], 1);
  EXPECT_EQ(ada_page()["pagination"]["totalItems"], 1);
  EXPECT_EQ(topics(), std::vector<std::string>({"comment.added", "comment.added", "comment.removed"}));
  EXPECT_EQ(host_.fake().events().published().back().payload["moderatorId"], kGrace);
}

TEST_F(CommentModerationTest, RemovingTwiceCountsOnce) {
  add(kAda, "stays here forever");
  const std::string removed = add(kAda, "goes away soon");
  publish("moderation.content_removed", "comment", removed);
  publish("moderation.content_removed", "comment", removed);
  EXPECT_EQ(video_page()["pagination"]["totalItems"], 1);
  EXPECT_EQ(ada_page()["pagination"]["totalItems"], 1);
}

TEST_F(CommentModerationTest, RestoreBringsTheCommentBackWhereItWas) {
  const std::string older = add(kAda, "older comment text");
  const std::string newer = add(kAda, "newer comment text");
  publish("moderation.content_removed", "comment", older);

  const Response restored = restore(older);
  ASSERT_EQ(restored.status, 200) << restored.body;
  EXPECT_EQ(response_json(restored),
            json({{"content_id", older}, {"content_type", "comment"}, {"status_message", "initiated"}}));
  const json page = video_page();
  ASSERT_EQ(page["data"].size(), 2U);
  EXPECT_EQ(page["data"][0]["commentid"], newer);
  EXPECT_EQ(page["data"][1]["commentid"], older);
  EXPECT_EQ(page["pagination"]["totalItems"], 2);
  EXPECT_EQ(ada_page()["pagination"]["totalItems"], 2);
  EXPECT_EQ(topics().back(), "comment.restored");
}

TEST_F(CommentModerationTest, RestoringAVisibleCommentChangesNothing) {
  const std::string id = add(kAda, "never removed at all");
  EXPECT_EQ(response_json(restore(id))["status_message"], "initiated");
  EXPECT_EQ(video_page()["pagination"]["totalItems"], 1);
  EXPECT_EQ(topics(), std::vector<std::string>({"comment.added"}));
}

TEST_F(CommentModerationTest, RestoringAnUnknownCommentFails) {
  const std::string unknown = "0b7d9f60-7283-11f0-8a21-6c7d8e9fa0b1";
  EXPECT_EQ(response_json(restore(unknown)),
            json({{"content_id", unknown}, {"content_type", "comment"}, {"status_message", "failed"}}));
}

TEST_F(CommentModerationTest, TheRestoreEventRestoresToo) {
  const std::string id = add(kAda, "removed then restored");
  publish("moderation.content_removed", "comment", id);
  publish("moderation.content_restored", "comment", id);
  EXPECT_EQ(video_page()["pagination"]["totalItems"], 1);
}

TEST_F(CommentModerationTest, VideoRemovalsAreNotThisPluginsBusiness) {
  add(kAda, "a comment on a video");
  publish("moderation.content_removed", "video", kReadyVideo);
  EXPECT_EQ(video_page()["pagination"]["totalItems"], 1);
  EXPECT_TRUE(host_.fake().events().failures().empty());
}

TEST_F(CommentModerationTest, AMalformedEventIsAFailedDeliveryNotACrash) {
  host_.fake().publish("moderation.content_removed", {{"contentType", "comment"}, {"contentId", "not-a-uuid"}});
  EXPECT_EQ(host_.fake().events().failures().size(), 1U);
}

}  // namespace
}  // namespace killrvideo::comments_ratings::testing
