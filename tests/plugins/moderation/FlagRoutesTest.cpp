// #28 flag content, #29 the queue, #30 one flag: answers and what is stored, on the real engine.

#include <string>

#include "ModerationFixture.h"

namespace killrvideo::moderation::testing {
namespace {

using nlohmann::json;

class FlagRoutesTest : public ModerationFixture {};

TEST_F(FlagRoutesTest, AFlagIsCreatedOpenWithItsReporterAndTimes) {
  const Response created = flag({{"contentType", "video"}, {"contentId", kVideo}, {"reasonCode", "other"},
                                 {"reasonText", "misleading title"}});
  ASSERT_EQ(created.status, 201) << created.body;
  json body = response_json(created);
  EXPECT_TRUE(plugin::is_canonical_uuid(body["flagId"].get<std::string>()));
  EXPECT_EQ(body["flagId"].get<std::string>()[14], '1');  // a timeuuid
  body.erase("flagId");
  EXPECT_EQ(body, json({{"contentType", "video"}, {"contentId", kVideo}, {"reasonCode", "other"},
                        {"reasonText", "misleading title"}, {"userId", kReporter},
                        {"createdAt", seconds_later(1)}, {"updatedAt", seconds_later(1)},
                        {"status", "open"}, {"moderatorId", nullptr}, {"moderatorNotes", nullptr},
                        {"resolvedAt", nullptr}}));
}

TEST_F(FlagRoutesTest, TheDetailReadsBackEverythingThatWasStored) {
  const Response created = flag({{"contentType", "comment"}, {"contentId", kComment}, {"reasonCode", "harassment"}});
  ASSERT_EQ(created.status, 201) << created.body;
  const json stored = get("/api/v1/moderation/flags/" + response_json(created)["flagId"].get<std::string>());
  EXPECT_EQ(stored, response_json(created));
  EXPECT_EQ(stored["contentType"], "comment");
  EXPECT_EQ(stored["userId"], kReporter);
  EXPECT_EQ(stored["reasonText"], nullptr);
}

TEST_F(FlagRoutesTest, UnknownContentIsNotFoundWithTheContractsDetail) {
  const Response video = flag({{"contentType", "video"}, {"contentId", kUnknownContent}, {"reasonCode", "spam"}});
  EXPECT_EQ(video.status, 404);
  EXPECT_EQ(response_json(video)["detail"], "Video not found");
  const Response comment = flag({{"contentType", "comment"}, {"contentId", kVideo}, {"reasonCode", "spam"}});
  EXPECT_EQ(comment.status, 404);
  EXPECT_EQ(response_json(comment)["detail"], "Comment not found");
}

TEST_F(FlagRoutesTest, BadBodiesAre422NamingEachField) {
  const Response wrong = flag({{"contentType", "user"}, {"contentId", kVideo}, {"reasonCode", "rude"}});
  ASSERT_EQ(wrong.status, 422) << wrong.body;
  const json issues = response_json(wrong)["detail"];
  ASSERT_EQ(issues.size(), 2U);
  EXPECT_EQ(issues[0]["loc"], json({"body", "contentType"}));
  EXPECT_EQ(issues[1]["loc"], json({"body", "reasonCode"}));

  const Response not_uuid = flag({{"contentType", "video"}, {"contentId", "nope"}, {"reasonCode", "spam"}});
  ASSERT_EQ(not_uuid.status, 422);
  EXPECT_EQ(response_json(not_uuid)["detail"][0]["type"], "uuid_parsing");

  const Response missing = flag(json::object());
  ASSERT_EQ(missing.status, 422);
  EXPECT_EQ(response_json(missing)["detail"].size(), 3U);
}

TEST_F(FlagRoutesTest, ReasonTextIsLimitedTo500Characters) {
  const json base = {{"contentType", "video"}, {"contentId", kVideo}, {"reasonCode", "other"}};
  json at_limit = base;
  at_limit["reasonText"] = std::string(500, 'x');
  EXPECT_EQ(flag(at_limit).status, 201);
  json over = base;
  over["reasonText"] = std::string(501, 'x');
  const Response refused = flag(over);
  ASSERT_EQ(refused.status, 422);
  EXPECT_EQ(response_json(refused)["detail"][0]["type"], "string_too_long");
}

TEST_F(FlagRoutesTest, AnUppercaseContentIdIsStoredLowercase) {
  std::string upper = kVideo;
  for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  const Response created = flag({{"contentType", "video"}, {"contentId", upper}, {"reasonCode", "spam"}});
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(response_json(created)["contentId"], kVideo);
}

TEST_F(FlagRoutesTest, AnUnknownFlagIsNotFound) {
  const Response missing =
      host_.fake().call(Method::Get, std::string("/api/v1/moderation/flags/") + kUnknownContent, nullptr, moderator());
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(response_json(missing)["detail"], "Flag not found");
}

TEST_F(FlagRoutesTest, TheQueueListsNewestFirstWithExactTotals) {
  const std::string first = flag_id();
  const std::string second = flag_id("comment", kComment);
  const std::string third = flag_id();
  const json page = get("/api/v1/moderation/flags?page=1&pageSize=2");
  ASSERT_EQ(page["data"].size(), 2U);
  EXPECT_EQ(page["data"][0]["flagId"], third);
  EXPECT_EQ(page["data"][1]["flagId"], second);
  EXPECT_EQ(page["pagination"], json({{"currentPage", 1}, {"pageSize", 2}, {"totalItems", 3}, {"totalPages", 2}}));
  const json next = get("/api/v1/moderation/flags?page=2&pageSize=2");
  ASSERT_EQ(next["data"].size(), 1U);
  EXPECT_EQ(next["data"][0]["flagId"], first);
}

TEST_F(FlagRoutesTest, FlagsOfDifferentDaysKeepTheirOrder) {
  const std::string older = flag_id();
  host_.fake().clock().advance_ms(3 * plugin::kMillisecondsPerDay);
  const std::string newer = flag_id();
  host_.fake().clock().advance_ms(40 * plugin::kMillisecondsPerDay);  // another month
  const std::string newest = flag_id();
  const json page = get("/api/v1/moderation/flags?page=1&pageSize=100");
  ASSERT_EQ(page["data"].size(), 3U);
  EXPECT_EQ(page["data"][0]["flagId"], newest);
  EXPECT_EQ(page["data"][1]["flagId"], newer);
  EXPECT_EQ(page["data"][2]["flagId"], older);
  EXPECT_EQ(get("/api/v1/moderation/flags?page=3&pageSize=1")["data"][0]["flagId"], older);
}

TEST_F(FlagRoutesTest, TheStatusFilterListsOneQueue) {
  const std::string reviewed = flag_id();
  const std::string still_open = flag_id();
  ASSERT_EQ(act(reviewed, {{"status", "under_review"}}).status, 200);

  const json open = get("/api/v1/moderation/flags?status=open");
  ASSERT_EQ(open["data"].size(), 1U);
  EXPECT_EQ(open["data"][0]["flagId"], still_open);
  EXPECT_EQ(open["pagination"]["totalItems"], 1);
  const json under_review = get("/api/v1/moderation/flags?status=under_review");
  ASSERT_EQ(under_review["data"].size(), 1U);
  EXPECT_EQ(under_review["data"][0]["flagId"], reviewed);
  EXPECT_EQ(under_review["data"][0]["status"], "under_review");
  EXPECT_EQ(get("/api/v1/moderation/flags?status=approved")["pagination"]["totalItems"], 0);
  EXPECT_EQ(get("/api/v1/moderation/flags")["pagination"]["totalItems"], 2);
}

TEST_F(FlagRoutesTest, ABadStatusOrPageIs422) {
  for (const char* target : {"/api/v1/moderation/flags?status=closed", "/api/v1/moderation/flags?pageSize=101",
                             "/api/v1/moderation/flags?page=0"}) {
    const Response refused = host_.fake().call(Method::Get, target, nullptr, moderator());
    EXPECT_EQ(refused.status, 422) << target << " " << refused.body;
  }
}

}  // namespace
}  // namespace killrvideo::moderation::testing
