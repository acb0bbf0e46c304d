// Moderators' user search and moderator role changes (#32–#34).
#include "AccountsPlugin.h"

#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "ExpectedCalls.h"
#include "killrvideo/plugin/testing/DataReplies.h"
#include "killrvideo/plugin/testing/FakeHost.h"
#include "killrvideo/plugin/testing/ResponseJson.h"

namespace {

using killrvideo::accounts::AccountsPlugin;
using killrvideo::plugin::Method;
using killrvideo::plugin::Principal;
using killrvideo::plugin::testing::FakeHost;
using killrvideo::plugin::testing::response_json;
using nlohmann::json;
using nlohmann::ordered_json;
using namespace killrvideo::accounts::testing;
using namespace killrvideo::plugin::testing::replies;

constexpr const char* kTargetId = "b87ff4b3-a1dd-419b-a65d-f3969dfc7526";
const Principal kModerator{"7777b733-a6b8-47e7-83ad-bc2739ae9954", {"moderator"}};

ordered_json user_row(const std::string& id, const std::string& email, const std::string& first, const std::string& last,
                      ordered_json roles = {"creator", "viewer"}) {
  return {{"userid", id},          {"created_date", "2025-04-11T03:47:59.791Z"},
          {"email", email},        {"firstname", first},
          {"lastname", last},      {"account_status", "active"},
          {"roles", std::move(roles)}};
}

std::string numbered_id(int n) {
  char id[37];
  std::snprintf(id, sizeof id, "00000000-0000-4000-8000-%012d", n);
  return id;
}

class ModerationUserRoutesTest : public ::testing::Test {
 protected:
  ModerationUserRoutesTest() { host_.load<AccountsPlugin>(); }

  killrvideo::plugin::Response get(const std::string& target) {
    return host_.call(Method::Get, target, nullptr, kModerator);
  }
  killrvideo::plugin::Response post(const std::string& action) {
    return host_.call(Method::Post, std::string("/api/v1/moderation/users/") + kTargetId + "/" + action, nullptr,
                      kModerator);
  }

  FakeHost host_{"accounts"};
};

TEST_F(ModerationUserRoutesTest, SearchWithoutQueryListsTheFirstTwentyUsers) {
  host_.data().queue_response(found({user_row(kTargetId, "carolyn@example.net", "Carolyn", "Hoffman")}));

  const auto response = get("/api/v1/moderation/users");

  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(response_json(response), json::array({{{"firstName", "Carolyn"},
                                                   {"lastName", "Hoffman"},
                                                   {"email", "carolyn@example.net"},
                                                   {"userId", kTargetId},
                                                   {"createdDate", "2025-04-11T03:47:59.791Z"},
                                                   {"accountStatus", "active"},
                                                   {"lastLoginDate", nullptr},
                                                   {"roles", {"creator", "viewer"}}}}));
  expect_calls(host_, {call("users", {{"find", {{"options", {{"limit", 20}}}}}})});
}

TEST_F(ModerationUserRoutesTest, AnEmptyQueryIsNoQuery) {
  host_.data().queue_response(found({}));

  const auto response = get("/api/v1/moderation/users?q=");

  EXPECT_EQ(response_json(response), json::array());
  expect_calls(host_, {call("users", {{"find", {{"options", {{"limit", 20}}}}}})});
}

TEST_F(ModerationUserRoutesTest, SearchMatchesEmailFirstAndLastNameIgnoringCaseAcrossPages) {
  host_.data().queue_response(found({user_row(numbered_id(1), "zed@example.com", "Zed", "Smith"),
                                          user_row(numbered_id(2), "ann@example.com", "Ann", "Garcia")},
                                         "page-2"));
  host_.data().queue_response(found({user_row(numbered_id(3), "GARfield@example.com", "Jon", "Arbuckle"),
                                          user_row(numbered_id(4), "x@example.com", "Edgar", "Poe")}));

  const auto response = get("/api/v1/moderation/users?q=GaR");

  ASSERT_EQ(response.status, 200);
  const json users = response_json(response);
  ASSERT_EQ(users.size(), 3u);
  EXPECT_EQ(users[0]["userId"], numbered_id(2));
  EXPECT_EQ(users[1]["userId"], numbered_id(3));
  EXPECT_EQ(users[2]["userId"], numbered_id(4));
  expect_calls(host_, {call("users", {{"find", ordered_json::object()}}),
                       call("users", {{"find", {{"options", {{"pageState", "page-2"}}}}}})});
}

TEST_F(ModerationUserRoutesTest, SearchStopsAtTwentyMatches) {
  std::vector<ordered_json> rows;
  for (int i = 1; i <= 25; ++i) rows.push_back(user_row(numbered_id(i), "u" + std::to_string(i) + "@example.com", "U", "V"));
  host_.data().queue_response(found(rows, "more"));

  const auto response = get("/api/v1/moderation/users?q=example");

  ASSERT_EQ(response_json(response).size(), 20u);
  EXPECT_EQ(response_json(response)[19]["userId"], numbered_id(20));
  EXPECT_EQ(host_.data().calls().size(), 1u);
}

TEST_F(ModerationUserRoutesTest, AssignAddsModeratorToTheSetAndAnswersTheUpdatedUser) {
  host_.data().queue_response(found_one(user_row(kTargetId, "carolyn@example.net", "Carolyn", "Hoffman")));
  host_.data().queue_response(updated());

  const auto response = post("assign-moderator");

  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(response_json(response)["roles"], json({"creator", "moderator", "viewer"}));
  EXPECT_EQ(response_json(response)["userId"], kTargetId);
  expect_calls(host_, {call("users", {{"findOne", {{"filter", {{"userid", kTargetId}}}}}}),
                       call("users", {{"updateOne",
                                       {{"filter", {{"userid", kTargetId}}},
                                        {"update", {{"$push", {{"roles", "moderator"}}}}}}}})});
}

TEST_F(ModerationUserRoutesTest, AssigningTwiceKeepsOneModeratorRole) {
  host_.data().queue_response(
      found_one(user_row(kTargetId, "carolyn@example.net", "Carolyn", "Hoffman", {"moderator", "viewer"})));
  host_.data().queue_response(updated());

  const auto response = post("assign-moderator");

  EXPECT_EQ(response_json(response)["roles"], json({"moderator", "viewer"}));
}

TEST_F(ModerationUserRoutesTest, RevokePullsModeratorFromTheSet) {
  host_.data().queue_response(
      found_one(user_row(kTargetId, "carolyn@example.net", "Carolyn", "Hoffman", {"creator", "moderator", "viewer"})));
  host_.data().queue_response(updated());

  const auto response = post("revoke-moderator");

  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(response_json(response)["roles"], json({"creator", "viewer"}));
  EXPECT_EQ(host_.data().calls()[1].command,
            ordered_json({{"updateOne",
                           {{"filter", {{"userid", kTargetId}}}, {"update", {{"$pullAll", {{"roles", {"moderator"}}}}}}}}}));
}

TEST_F(ModerationUserRoutesTest, RevokingFromANonModeratorIsHarmless) {
  host_.data().queue_response(found_one(user_row(kTargetId, "carolyn@example.net", "Carolyn", "Hoffman")));
  host_.data().queue_response(updated());

  const auto response = post("revoke-moderator");

  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response_json(response)["roles"], json({"creator", "viewer"}));
}

TEST_F(ModerationUserRoutesTest, ChangingAnUnknownUserIs404AndWritesNothing) {
  for (const char* action : {"assign-moderator", "revoke-moderator"}) {
    host_.data().queue_response(found_none());
    const auto response = post(action);
    EXPECT_EQ(response.status, 404) << action;
    EXPECT_EQ(response_json(response),
              json({{"type", "about:blank"},
                    {"title", "Not Found"},
                    {"status", 404},
                    {"detail", "User not found"},
                    {"instance", std::string("http://testserver/api/v1/moderation/users/") + kTargetId + "/" + action}}));
  }
  EXPECT_EQ(host_.data().calls().size(), 2u);
}

}  // namespace
