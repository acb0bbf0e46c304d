// #31 act on a flag: the stored decision, the final statuses, the removal request to the content's owner.

#include <string>

#include "ModerationFixture.h"

namespace killrvideo::moderation::testing {
namespace {

using nlohmann::json;

class FlagActionRouteTest : public ModerationFixture {
 protected:
  std::vector<plugin::testing::PublishedEvent> published() { return host_.fake().events().published(); }
};

TEST_F(FlagActionRouteTest, ReviewKeepsTheFlagUnresolved) {
  const std::string id = flag_id();
  const Response reviewed = act(id, {{"status", "under_review"}});
  ASSERT_EQ(reviewed.status, 200) << reviewed.body;
  const json body = response_json(reviewed);
  EXPECT_EQ(body["status"], "under_review");
  EXPECT_EQ(body["moderatorId"], kModerator);
  EXPECT_EQ(body["updatedAt"], seconds_later(2));
  EXPECT_EQ(body["createdAt"], seconds_later(1));
  EXPECT_EQ(body["resolvedAt"], nullptr);
  EXPECT_TRUE(published().empty());
}

TEST_F(FlagActionRouteTest, ApprovingStoresTheDecisionAndAsksTheOwnerToRemoveTheContent) {
  const std::string id = flag_id("comment", kComment);
  const Response approved = act(id, {{"status", "approved"}, {"moderatorNotes", "Content removed for policy violation"}});
  ASSERT_EQ(approved.status, 200) << approved.body;
  const json body = response_json(approved);
  EXPECT_EQ(body["status"], "approved");
  EXPECT_EQ(body["moderatorNotes"], "Content removed for policy violation");
  EXPECT_EQ(body["resolvedAt"], seconds_later(2));
  EXPECT_EQ(get("/api/v1/moderation/flags/" + id), body);  // persisted, notes included

  ASSERT_EQ(published().size(), 1U);
  EXPECT_EQ(published()[0].topic, "moderation.content_removed");
  EXPECT_EQ(published()[0].payload, json({{"contentType", "comment"}, {"contentId", kComment},
                                          {"moderatorId", kModerator}, {"flagId", id}, {"reasonCode", "spam"},
                                          {"at", seconds_later(2)}}));
}

TEST_F(FlagActionRouteTest, RejectingResolvesWithoutTouchingTheContent) {
  const std::string id = flag_id();
  const Response rejected = act(id, {{"status", "rejected"}, {"moderatorNotes", "No policy violation found"}});
  ASSERT_EQ(rejected.status, 200) << rejected.body;
  EXPECT_EQ(response_json(rejected)["resolvedAt"], seconds_later(2));
  EXPECT_TRUE(published().empty());
}

TEST_F(FlagActionRouteTest, AResolvedFlagCannotChangeAgain) {
  const std::string id = flag_id();
  ASSERT_EQ(act(id, {{"status", "rejected"}}).status, 200);
  for (const char* status : {"open", "under_review", "approved", "rejected"}) {
    const Response again = act(id, {{"status", status}});
    EXPECT_EQ(again.status, 400) << status;
    EXPECT_EQ(response_json(again)["detail"], "Flag already resolved");
  }
  EXPECT_EQ(get("/api/v1/moderation/flags/" + id)["status"], "rejected");
  EXPECT_TRUE(published().empty());
}

TEST_F(FlagActionRouteTest, AnyStatusIsAcceptedFromOpenOrUnderReview) {
  const std::string id = flag_id();
  EXPECT_EQ(response_json(act(id, {{"status", "open"}}))["status"], "open");
  EXPECT_EQ(response_json(act(id, {{"status", "under_review"}}))["status"], "under_review");
  EXPECT_EQ(response_json(act(id, {{"status", "open"}}))["status"], "open");
  EXPECT_EQ(response_json(act(id, {{"status", "approved"}}))["status"], "approved");
}

TEST_F(FlagActionRouteTest, AnUnknownFlagIsNotFound) {
  const Response missing = act(kUnknownContent, {{"status", "approved"}});
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(response_json(missing)["detail"], "Flag not found");
}

TEST_F(FlagActionRouteTest, BadBodiesAre422AndChangeNothing) {
  const std::string id = flag_id();
  EXPECT_EQ(act(id, json::object()).status, 422);
  EXPECT_EQ(act(id, {{"status", "deleted"}}).status, 422);
  const Response too_long = act(id, {{"status", "approved"}, {"moderatorNotes", std::string(1001, 'n')}});
  ASSERT_EQ(too_long.status, 422);
  EXPECT_EQ(response_json(too_long)["detail"][0]["loc"], json({"body", "moderatorNotes"}));
  EXPECT_EQ(get("/api/v1/moderation/flags/" + id)["status"], "open");
  EXPECT_EQ(act(id, {{"status", "approved"}, {"moderatorNotes", std::string(1000, 'n')}}).status, 200);
}

TEST_F(FlagActionRouteTest, TheDecisionMovesTheFlagBetweenQueues) {
  const std::string id = flag_id();
  ASSERT_EQ(act(id, {{"status", "approved"}}).status, 200);
  EXPECT_EQ(get("/api/v1/moderation/flags?status=open")["pagination"]["totalItems"], 0);
  const json approved = get("/api/v1/moderation/flags?status=approved");
  ASSERT_EQ(approved["data"].size(), 1U);
  EXPECT_EQ(approved["data"][0]["flagId"], id);
  EXPECT_EQ(get("/api/v1/moderation/flags")["pagination"]["totalItems"], 1);
}

}  // namespace
}  // namespace killrvideo::moderation::testing
