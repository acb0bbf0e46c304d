// The frontend's moderation workflow over HTTP with the requests it sends (api-contract §7.3): a viewer
// flags a video and a comment, the moderator opens the queue, reviews, approves (the video leaves every
// listing, trending and search, and its details answer 404 to all but moderators; the comment leaves both
// comment listings and their counts), rejects another flag, restores both (#35, #36); the audit trail
// shows every step.

#include <algorithm>

#include <gtest/gtest.h>

#include "tests/integration/moderation/ModerationServer.h"

namespace killrvideo::testing::moderation {
namespace {

using nlohmann::json;

constexpr const char* kTag = "moderated";

class ModerationWorkflowTest : public ::testing::Test {
 protected:
  ModerationWorkflowTest() : server_(server_config()), client_(server_.base_url()) {
    moderator_ = sign_up(client_, kModeratorEmail);
    creator_ = sign_up(client_, unique_email("creator"));
    viewer_ = sign_up(client_, unique_email("viewer"));
    video_id_ = submit_tagged_video(client_, creator_, kTag);
    EXPECT_EQ(client_.post("/api/v1/videos/id/" + video_id_ + "/view", "", {viewer_.authorization}).status, 204);
    comment_id_ = add_comment(client_, video_id_, viewer_, "this one gets removed").json()["commentid"];
    kept_comment_id_ = add_comment(client_, video_id_, creator_, "this one stays").json()["commentid"];
  }

  json get_json(const std::string& path, const Member* caller = nullptr) {
    const auto response = client_.get(path, caller ? std::vector<std::string>{caller->authorization} : std::vector<std::string>{});
    EXPECT_EQ(response.status, 200) << path << " " << response.body;
    return response.json();
  }
  static bool lists(const json& items, const char* key, const std::string& id) {
    return std::any_of(items.begin(), items.end(), [&](const json& item) { return item[key] == id; });
  }
  // Whether the video is in latest, by tag, by uploader, trending, keyword and semantic search, each.
  std::vector<bool> video_listed() {
    return {lists(get_json("/api/v1/videos/latest?page=1&pageSize=10")["data"], "videoId", video_id_),
            lists(get_json(std::string("/api/v1/videos/by-tag/") + kTag + "?page=1&pageSize=10")["data"], "videoId", video_id_),
            lists(get_json("/api/v1/videos/by-uploader/" + creator_.user_id + "?page=1&pageSize=20")["data"], "videoId", video_id_),
            lists(get_json("/api/v1/videos/trending?intervalDays=1&limit=10"), "videoId", video_id_),
            lists(get_json(std::string("/api/v1/search/videos?mode=keyword&query=") + kTag)["data"], "videoId", video_id_),
            lists(get_json(std::string("/api/v1/search/videos?mode=semantic&query=Untitled%20Video%20") + kTag)["data"],
                  "videoId", video_id_)};
  }
  int details_status(const Member* caller) {
    return client_.get("/api/v1/videos/id/" + video_id_, caller ? std::vector<std::string>{caller->authorization}
                                                                  : std::vector<std::string>{}).status;
  }
  // Comments of the video and of the viewer: whether the flagged comment is listed, and both totals.
  std::tuple<bool, bool, json, json> comment_listings() {
    const json by_video = get_json("/api/v1/videos/" + video_id_ + "/comments?page=1&pageSize=10");
    const json by_user = get_json("/api/v1/users/" + viewer_.user_id + "/comments?page=1&pageSize=20");
    return {lists(by_video["data"], "commentid", comment_id_), lists(by_user["data"], "commentid", comment_id_),
            by_video["pagination"]["totalItems"], by_user["pagination"]["totalItems"]};
  }
  std::vector<std::string> audit_actions(const std::string& content_id) {
    std::vector<std::string> actions;
    const json trail = get_json("/api/v1/moderation/audit?contentId=" + content_id, &moderator_);
    for (const auto& entry : trail["data"]) {
      actions.push_back(entry["action"]);
    }
    return actions;
  }

  ServerProcess server_;
  HttpClient client_;
  Member moderator_, creator_, viewer_;
  std::string video_id_, comment_id_, kept_comment_id_;
};

TEST_F(ModerationWorkflowTest, FlagReviewApproveRejectAndRestore) {
  // A viewer flags the video (as the UI does: reasonText only with "other") and a comment.
  const auto video_flag = client_.post(
      "/api/v1/flags",
      json({{"contentType", "video"}, {"contentId", video_id_}, {"reasonCode", "other"}, {"reasonText", "fake"}}).dump(),
      {viewer_.authorization});
  ASSERT_EQ(video_flag.status, 201) << video_flag.body;
  const std::string video_flag_id = video_flag.json()["flagId"];
  EXPECT_EQ(video_flag.json()["userId"], viewer_.user_id);
  const auto comment_flag = flag(client_, viewer_, "comment", comment_id_, "harassment");
  ASSERT_EQ(comment_flag.status, 201) << comment_flag.body;
  const std::string comment_flag_id = comment_flag.json()["flagId"];
  const auto kept_flag = flag(client_, creator_, "comment", kept_comment_id_);
  ASSERT_EQ(kept_flag.status, 201) << kept_flag.body;
  const std::string kept_flag_id = kept_flag.json()["flagId"];

  // The moderator's queue: getModerationFlags(page=1, pageSize=100), newest first, exact totals.
  const json queue = get_json("/api/v1/moderation/flags?page=1&pageSize=100", &moderator_);
  ASSERT_EQ(queue["data"].size(), 3U);
  EXPECT_EQ(queue["data"][0]["flagId"], kept_flag_id);
  EXPECT_EQ(queue["data"][2]["flagId"], video_flag_id);
  EXPECT_EQ(queue["pagination"]["totalItems"], 3);
  EXPECT_EQ(get_json("/api/v1/moderation/flags?page=1&pageSize=100&status=open", &moderator_)["pagination"]["totalItems"], 3);

  // getFlagDetails, then Review.
  const json detail = get_json("/api/v1/moderation/flags/" + video_flag_id, &moderator_);
  EXPECT_EQ(detail["reasonText"], "fake");
  EXPECT_EQ(detail["status"], "open");
  const auto reviewed = act(client_, moderator_, video_flag_id, "under_review");
  ASSERT_EQ(reviewed.status, 200) << reviewed.body;
  EXPECT_EQ(reviewed.json()["moderatorId"], moderator_.user_id);
  const json under_review = get_json("/api/v1/moderation/flags?page=1&pageSize=100&status=under_review", &moderator_);
  ASSERT_EQ(under_review["data"].size(), 1U);
  EXPECT_EQ(under_review["data"][0]["flagId"], video_flag_id);

  // Approve & Remove the video: gone from every listing and trending; details 404 but to moderators.
  EXPECT_EQ(video_listed(), std::vector<bool>(6, true));
  const auto approved = act(client_, moderator_, video_flag_id, "approved", "Content removed for policy violation");
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(approved.json()["moderatorNotes"], "Content removed for policy violation");
  EXPECT_FALSE(approved.json()["resolvedAt"].is_null());
  EXPECT_EQ(video_listed(), std::vector<bool>(6, false));
  EXPECT_EQ(details_status(nullptr), 404);
  EXPECT_EQ(details_status(&viewer_), 404);
  EXPECT_EQ(details_status(&moderator_), 200);
  EXPECT_EQ(act(client_, moderator_, video_flag_id, "rejected").status, 400);

  // Approve & Remove the comment: gone from both listings, both counts one lower.
  EXPECT_EQ(comment_listings(), std::make_tuple(true, true, json(2), json(1)));
  ASSERT_EQ(act(client_, moderator_, comment_flag_id, "approved", "Content removed for policy violation").status, 200);
  EXPECT_EQ(comment_listings(), std::make_tuple(false, false, json(1), json(0)));

  // Reject: the flag is resolved, the comment stays.
  const auto rejected = act(client_, moderator_, kept_flag_id, "rejected", "No policy violation found");
  ASSERT_EQ(rejected.status, 200) << rejected.body;
  EXPECT_EQ(rejected.json()["status"], "rejected");
  EXPECT_EQ(std::get<2>(comment_listings()), json(1));
  EXPECT_EQ(get_json("/api/v1/moderation/flags?page=1&pageSize=100&status=open", &moderator_)["pagination"]["totalItems"], 0);
  EXPECT_EQ(get_json("/api/v1/moderation/flags?page=1&pageSize=100&status=approved", &moderator_)["pagination"]["totalItems"], 2);

  // Restore both (#35, #36): back everywhere.
  EXPECT_EQ(client_.post("/api/v1/moderation/videos/" + video_id_ + "/restore", "", {moderator_.authorization}).json()["status_message"],
            "initiated");
  EXPECT_EQ(video_listed(), std::vector<bool>(6, true));
  EXPECT_EQ(details_status(nullptr), 200);
  EXPECT_EQ(client_.post("/api/v1/moderation/comments/" + comment_id_ + "/restore", "", {moderator_.authorization}).json()["status_message"],
            "initiated");
  EXPECT_EQ(comment_listings(), std::make_tuple(true, true, json(2), json(1)));

  // The audit trail of each, newest first, with the moderator as actor of every decision.
  EXPECT_EQ(audit_actions(video_id_),
            std::vector<std::string>({"restored", "removed", "status:approved", "status:under_review", "flagged"}));
  EXPECT_EQ(audit_actions(comment_id_), std::vector<std::string>({"restored", "removed", "status:approved", "flagged"}));
  const json video_audit = get_json("/api/v1/moderation/audit?contentId=" + video_id_, &moderator_);
  for (int i = 0; i < 4; ++i) EXPECT_EQ(video_audit["data"][i]["actorId"], moderator_.user_id) << i;
  EXPECT_EQ(video_audit["data"][4]["actorId"], viewer_.user_id);
}

}  // namespace
}  // namespace killrvideo::testing::moderation
