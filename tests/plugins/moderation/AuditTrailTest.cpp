// The audit trail: flagging, each decision, and the owners' removals and restores, with actor and time;
// GET /moderation/audit pages it newest first with an exact total.

#include <string>

#include "ModerationFixture.h"

namespace killrvideo::moderation::testing {
namespace {

using nlohmann::json;

class AuditTrailTest : public ModerationFixture {
 protected:
  json audit(const std::string& content_id, const std::string& paging = "") {
    return get("/api/v1/moderation/audit?contentId=" + content_id + paging);
  }
  static std::vector<std::string> actions(const json& page) {
    std::vector<std::string> names;
    for (const auto& entry : page["data"]) names.push_back(entry["action"]);
    return names;
  }
};

TEST_F(AuditTrailTest, EveryStepOfAFlagIsRecordedWithItsActor) {
  const std::string id = flag_id();
  ASSERT_EQ(act(id, {{"status", "under_review"}}).status, 200);
  ASSERT_EQ(act(id, {{"status", "approved"}, {"moderatorNotes", "gone"}}).status, 200);
  host_.fake().publish("video.removed", {{"videoId", kVideo}, {"moderatorId", kModerator}, {"at", seconds_later(4)}});
  host_.fake().publish("video.restored", {{"videoId", kVideo}, {"moderatorId", kModerator}, {"at", seconds_later(9)}});

  const json trail = audit(kVideo);
  EXPECT_EQ(actions(trail),
            std::vector<std::string>({"restored", "removed", "status:approved", "status:under_review", "flagged"}));
  EXPECT_EQ(trail["pagination"]["totalItems"], 5);
  EXPECT_EQ(trail["data"][0]["actorId"], kModerator);
  EXPECT_EQ(trail["data"][0]["at"], seconds_later(9));
  EXPECT_EQ(trail["data"][2]["details"], "under_review -> approved: gone");
  EXPECT_EQ(trail["data"][2]["flagId"], id);
  EXPECT_EQ(trail["data"][4]["actorId"], kReporter);
  EXPECT_EQ(trail["data"][4]["details"], "spam");
}

TEST_F(AuditTrailTest, CommentRemovalsAreRecordedUnderTheComment) {
  host_.fake().publish("comment.removed", {{"commentId", kComment}, {"videoId", kVideo}, {"userId", kReporter},
                                           {"moderatorId", nullptr}, {"at", seconds_later(60)}});
  const json trail = audit(kComment);
  ASSERT_EQ(trail["data"].size(), 1U);
  EXPECT_EQ(trail["data"][0], json({{"entryId", trail["data"][0]["entryId"]}, {"contentId", kComment},
                                    {"contentType", "comment"}, {"action", "removed"}, {"actorId", nullptr},
                                    {"flagId", nullptr}, {"details", std::string("on video ") + kVideo},
                                    {"at", seconds_later(60)}}));
  EXPECT_EQ(audit(kVideo)["pagination"]["totalItems"], 0);
}

TEST_F(AuditTrailTest, ALongTrailPagesNewestFirst) {
  for (int i = 0; i < 5; ++i) flag_id();
  const json second = audit(kVideo, "&page=2&pageSize=2");
  EXPECT_EQ(second["pagination"], json({{"currentPage", 2}, {"pageSize", 2}, {"totalItems", 5}, {"totalPages", 3}}));
  ASSERT_EQ(second["data"].size(), 2U);
  EXPECT_EQ(second["data"][0]["at"], seconds_later(3));
  EXPECT_EQ(second["data"][1]["at"], seconds_later(2));
  EXPECT_TRUE(audit(kVideo, "&page=4&pageSize=2")["data"].empty());
}

TEST_F(AuditTrailTest, TheContentIdIsRequiredAndAUuid) {
  for (const char* target : {"/api/v1/moderation/audit", "/api/v1/moderation/audit?contentId=abc"}) {
    const Response refused = host_.fake().call(Method::Get, target, nullptr, moderator());
    EXPECT_EQ(refused.status, 422) << target << " " << refused.body;
  }
}

}  // namespace
}  // namespace killrvideo::moderation::testing
