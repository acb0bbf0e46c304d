// Register, login and profiles (#1–#5): the exact Data API commands sent and the exact answers.
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
using killrvideo::plugin::Response;
using killrvideo::plugin::testing::FakeHost;
using killrvideo::plugin::testing::response_json;
using nlohmann::json;
using nlohmann::ordered_json;
using namespace killrvideo::accounts::testing;
using namespace killrvideo::plugin::testing::replies;

constexpr const char* kUserId = "7777b733-a6b8-47e7-83ad-bc2739ae9954";
constexpr const char* kFirstNewId = "00000000-0000-4000-8000-000000000001";  // FakeIdGenerator's first uuid4
constexpr const char* kNow = "2025-06-15T15:06:40.000Z";                    // FakeClock's start

const Principal kCaller{kUserId, {"viewer"}};

ordered_json stored_user() {
  return {{"userid", kUserId},
          {"created_date", "2025-04-29T03:55:08.964Z"},
          {"email", "ada@example.com"},
          {"firstname", "Ada"},
          {"lastname", "Lovelace"},
          {"account_status", "active"},
          {"roles", {"creator", "viewer"}}};
}

json user_shape(const json& overrides = json::object()) {
  json user = {{"firstName", "Ada"},
               {"lastName", "Lovelace"},
               {"email", "ada@example.com"},
               {"userId", kUserId},
               {"createdDate", "2025-04-29T03:55:08.964Z"},
               {"accountStatus", "active"},
               {"lastLoginDate", nullptr},
               {"roles", {"creator", "viewer"}}};
  user.update(overrides);
  return user;
}

json problem(int status, const char* title, const char* detail, const std::string& path) {
  return {{"type", "about:blank"},
          {"title", title},
          {"status", status},
          {"detail", detail},
          {"instance", "http://testserver" + path}};
}

class UserRoutesTest : public ::testing::Test {
 protected:
  UserRoutesTest() { host_.load<AccountsPlugin>(); }

  Response post(const char* path, const json& body) { return host_.call(Method::Post, path, body); }

  json registration(const json& overrides = json::object()) {
    json body = {{"firstName", "Ada"}, {"lastName", "Lovelace"}, {"email", "ada@example.com"}, {"password", "s3cret-pass"}};
    body.update(overrides);
    return body;
  }

  FakeHost host_{"accounts"};
};

// ---- #1 register ----

TEST_F(UserRoutesTest, RegisterClaimsTheEmailThenWritesTheUserThenItsCredentialsAndAnswers201) {
  host_.data().queue_response(found_none());
  host_.data().queue_response(inserted_row({"ada@example.com"}));
  host_.data().queue_response(inserted_row({kFirstNewId}));
  host_.data().queue_response(inserted_row({"ada@example.com"}));

  const auto response = post("/api/v1/users/register", registration());

  ASSERT_EQ(response.status, 201) << response.body;
  EXPECT_EQ(response_json(response),
            json({{"firstName", "Ada"}, {"lastName", "Lovelace"}, {"email", "ada@example.com"}, {"userId", kFirstNewId}}));
  expect_calls(host_, {call("user_credentials", {{"findOne", {{"filter", {{"email", "ada@example.com"}}}}}}),
                       call("user_email_claims",
                            {{"insertOne", {{"document", {{"_id", "ada@example.com"}, {"userid", kFirstNewId}}}}}}),
                       call("users", {{"insertOne",
                                       {{"document",
                                         {{"userid", kFirstNewId},
                                          {"created_date", kNow},
                                          {"email", "ada@example.com"},
                                          {"firstname", "Ada"},
                                          {"lastname", "Lovelace"},
                                          {"account_status", "active"},
                                          {"roles", {"viewer", "creator"}}}}}}}),
                       call("user_credentials", {{"insertOne",
                                                  {{"document",
                                                    {{"email", "ada@example.com"},
                                                     {"password", "fake-hash:s3cret-pass"},
                                                     {"userid", kFirstNewId},
                                                     {"account_locked", false}}}}}})});
}

TEST_F(UserRoutesTest, RegisterGivesAConfiguredModeratorTheModeratorRole) {
  host_.auth().set_moderators({"mod@example.com"});
  host_.data().queue_response(found_none());
  host_.data().queue_response(inserted_row({"mod@example.com"}));
  host_.data().queue_response(inserted_row({kFirstNewId}));
  host_.data().queue_response(inserted_row({"mod@example.com"}));

  ASSERT_EQ(post("/api/v1/users/register", registration({{"email", "mod@example.com"}})).status, 201);

  EXPECT_EQ(host_.data().calls()[2].command["insertOne"]["document"]["roles"],
            ordered_json({"viewer", "creator", "moderator"}));
}

TEST_F(UserRoutesTest, RegisterUsesTheConfiguredDefaultRoles) {
  host_.auth().set_default_roles({"viewer"});
  host_.data().queue_response(found_none());
  host_.data().queue_response(inserted_row({"ada@example.com"}));
  host_.data().queue_response(inserted_row({kFirstNewId}));
  host_.data().queue_response(inserted_row({"ada@example.com"}));

  ASSERT_EQ(post("/api/v1/users/register", registration()).status, 201);

  EXPECT_EQ(host_.data().calls()[2].command["insertOne"]["document"]["roles"], ordered_json({"viewer"}));
}

TEST_F(UserRoutesTest, RegisterKeysTheCredentialsAndTheClaimByTheLowerCasedEmail) {
  host_.data().queue_response(found_none());
  host_.data().queue_response(found_none());
  host_.data().queue_response(inserted_row({"ada@example.com"}));
  host_.data().queue_response(inserted_row({kFirstNewId}));
  host_.data().queue_response(inserted_row({"ada@example.com"}));

  const auto response = post("/api/v1/users/register", registration({{"email", "Ada@EXAMPLE.com"}}));

  ASSERT_EQ(response.status, 201);
  EXPECT_EQ(response_json(response)["email"], "Ada@example.com");
  const auto calls = host_.data().calls();
  ASSERT_EQ(calls.size(), 5u);
  EXPECT_EQ(calls[0].command, ordered_json({{"findOne", {{"filter", {{"email", "ada@example.com"}}}}}}));
  EXPECT_EQ(calls[1].command, ordered_json({{"findOne", {{"filter", {{"email", "Ada@example.com"}}}}}}))
      << "a row stored before keys were lower-cased still counts";
  EXPECT_EQ(calls[2].command["insertOne"]["document"]["_id"], "ada@example.com");
  EXPECT_EQ(calls[3].command["insertOne"]["document"]["email"], "Ada@example.com");
  EXPECT_EQ(calls[4].command["insertOne"]["document"]["email"], "ada@example.com");
}

TEST_F(UserRoutesTest, RegisterWithATakenEmailIs400AndWritesNothing) {
  host_.data().queue_response(found_one({{"email", "ada@example.com"}, {"userid", kUserId}}));

  const auto response = post("/api/v1/users/register", registration());

  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(response_json(response), problem(400, "Bad Request", "Email already registered", "/api/v1/users/register"));
  EXPECT_EQ(host_.data().calls().size(), 1u);
}

TEST_F(UserRoutesTest, RegisterLosingTheClaimIs400AndWritesNoAccount) {
  host_.data().queue_response(found_none());
  host_.data().queue_response(document_already_exists());

  const auto response = post("/api/v1/users/register", registration());

  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(response_json(response), problem(400, "Bad Request", "Email already registered", "/api/v1/users/register"));
  EXPECT_EQ(host_.data().calls().size(), 2u);
}

TEST_F(UserRoutesTest, RegisterThatFailsAfterClaimingGivesTheEmailBack) {
  host_.data().queue_response(found_none());
  host_.data().queue_response(inserted_row({"ada@example.com"}));
  host_.data().queue_response(refused("INVALID_FILTER_EXPRESSION"));
  host_.data().queue_response(deleted(1));

  const auto response = post("/api/v1/users/register", registration());

  EXPECT_EQ(response.status, 500);
  const auto calls = host_.data().calls();
  ASSERT_EQ(calls.size(), 4u);
  EXPECT_EQ(calls[3].target, "user_email_claims");
  EXPECT_EQ(calls[3].command, ordered_json({{"deleteOne", {{"filter", {{"_id", "ada@example.com"}}}}}}));
}

TEST_F(UserRoutesTest, RegisterWithoutABodyListsEveryMissingField) {
  const auto response = post("/api/v1/users/register", json::object());

  EXPECT_EQ(response.status, 422);
  json expected = json::array();
  for (const char* field : {"firstName", "lastName", "email", "password"}) {
    expected.push_back({{"type", "missing"}, {"loc", {"body", field}}, {"msg", "Field required"}, {"input", nullptr}});
  }
  EXPECT_EQ(response_json(response), json({{"detail", expected}}));
  EXPECT_TRUE(host_.data().calls().empty());
}

TEST_F(UserRoutesTest, RegisterRefusesAPasswordShorterThanEightWithoutEchoingIt) {
  const auto response = post("/api/v1/users/register", registration({{"password", "1234567"}}));

  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(response_json(response),
            json({{"detail",
                   {{{"type", "string_too_short"},
                     {"loc", {"body", "password"}},
                     {"msg", "String should have at least 8 characters"},
                     {"input", "**********"},
                     {"ctx", {{"min_length", 8}}}}}}}));
}

TEST_F(UserRoutesTest, RegisterRefusesANameOfFiftyOneCharactersAndABadEmail) {
  const std::string long_name(51, 'x');
  const auto response = post("/api/v1/users/register", registration({{"lastName", long_name}, {"email", "not-an-email"}}));

  EXPECT_EQ(response.status, 422);
  const json detail = response_json(response)["detail"];
  ASSERT_EQ(detail.size(), 2u);
  EXPECT_EQ(detail[0]["type"], "string_too_long");
  EXPECT_EQ(detail[0]["loc"], json({"body", "lastName"}));
  EXPECT_EQ(detail[1]["type"], "value_error");
  EXPECT_EQ(detail[1]["loc"], json({"body", "email"}));
}

// ---- #2 login ----

ordered_json stored_credentials(const std::string& hash, bool locked = false) {
  return {{"email", "ada@example.com"}, {"password", hash}, {"userid", kUserId}, {"account_locked", locked}};
}

TEST_F(UserRoutesTest, LoginStampsTheLoginAndAnswersATokenWithTheStoredRoles) {
  host_.data().queue_response(found_one(stored_credentials("fake-hash:s3cret-pass")));
  host_.data().queue_response(found_one(stored_user()));
  host_.data().queue_response(updated());

  const auto response = post("/api/v1/users/login", {{"email", "ada@example.com"}, {"password", "s3cret-pass"}});

  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(response_json(response),
            json({{"token", std::string("token-for:") + kUserId}, {"user", user_shape({{"lastLoginDate", kNow}})}}));
  ASSERT_EQ(host_.auth().issued_tokens().size(), 1u);
  EXPECT_EQ(host_.auth().issued_tokens()[0].roles, (std::vector<std::string>{"creator", "viewer"}));
  expect_calls(host_, {call("user_credentials", {{"findOne", {{"filter", {{"email", "ada@example.com"}}}}}}),
                       call("users", {{"findOne", {{"filter", {{"userid", kUserId}}}}}}),
                       call("users", {{"updateOne",
                                       {{"filter", {{"userid", kUserId}}},
                                        {"update", {{"$set", {{"last_login_date", kNow}}}}}}}})});
}

TEST_F(UserRoutesTest, LoginWithAnUnknownEmailIs401) {
  host_.data().queue_response(found_none());

  const auto response = post("/api/v1/users/login", {{"email", "nobody@example.com"}, {"password", "whatever"}});

  EXPECT_EQ(response.status, 401);
  EXPECT_EQ(response_json(response), problem(401, "Unauthorized", "Incorrect email or password", "/api/v1/users/login"));
}

TEST_F(UserRoutesTest, LoginWithAWrongPasswordIs401AndWritesNothing) {
  host_.data().queue_response(found_one(stored_credentials("fake-hash:s3cret-pass")));

  const auto response = post("/api/v1/users/login", {{"email", "ada@example.com"}, {"password", "wrong-pass"}});

  EXPECT_EQ(response.status, 401);
  EXPECT_EQ(response_json(response)["detail"], "Incorrect email or password");
  EXPECT_EQ(host_.data().calls().size(), 1u);
  EXPECT_TRUE(host_.auth().issued_tokens().empty());
}

TEST_F(UserRoutesTest, LoginToALockedAccountIs401EvenWithTheRightPassword) {
  host_.data().queue_response(found_one(stored_credentials("fake-hash:s3cret-pass", true)));

  const auto response = post("/api/v1/users/login", {{"email", "ada@example.com"}, {"password", "s3cret-pass"}});

  EXPECT_EQ(response.status, 401);
  EXPECT_EQ(response_json(response)["detail"], "Incorrect email or password");
}

TEST_F(UserRoutesTest, LoginWithCredentialsButNoUserRowIs401) {
  host_.data().queue_response(found_one(stored_credentials("fake-hash:s3cret-pass")));
  host_.data().queue_response(found_none());

  const auto response = post("/api/v1/users/login", {{"email", "ada@example.com"}, {"password", "s3cret-pass"}});

  EXPECT_EQ(response.status, 401);
  EXPECT_EQ(response_json(response)["detail"], "Incorrect email or password");
  EXPECT_EQ(host_.data().calls().size(), 2u);
}

TEST_F(UserRoutesTest, LoginNeedsAnEmailAndANonEmptyPassword) {
  const auto response = post("/api/v1/users/login", {{"email", "ada@example.com"}, {"password", ""}});

  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(response_json(response)["detail"][0]["type"], "string_too_short");
  EXPECT_EQ(response_json(response)["detail"][0]["loc"], json({"body", "password"}));
}

TEST_F(UserRoutesTest, LoginWhenTheStoreIsDownIs503) {
  const auto response = post("/api/v1/users/login", {{"email", "ada@example.com"}, {"password", "s3cret-pass"}});

  EXPECT_EQ(response.status, 503);
  EXPECT_EQ(response_json(response)["detail"], "Unable to reach data store. Please try again later.");
}

// ---- #3 GET /users/me ----

TEST_F(UserRoutesTest, MeIsTheCallersStoredUser) {
  host_.data().queue_response(found_one(stored_user()));

  const auto response = host_.call(Method::Get, "/api/v1/users/me", nullptr, kCaller);

  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(response_json(response), user_shape());
  expect_calls(host_, {call("users", {{"findOne", {{"filter", {{"userid", kUserId}}}}}})});
}

TEST_F(UserRoutesTest, MeWithoutStoredRolesShowsTheTokensRoles) {
  ordered_json row = stored_user();
  row.erase("roles");
  host_.data().queue_response(found_one(row));

  const auto response = host_.call(Method::Get, "/api/v1/users/me", nullptr, kCaller);

  EXPECT_EQ(response_json(response)["roles"], json({"viewer"}));
}

TEST_F(UserRoutesTest, MeOfAVanishedUserIs404) {
  host_.data().queue_response(found_none());

  const auto response = host_.call(Method::Get, "/api/v1/users/me", nullptr, kCaller);

  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response_json(response), problem(404, "Not Found", "User not found", "/api/v1/users/me"));
}

// ---- #4 PUT /users/me ----

TEST_F(UserRoutesTest, UpdateMeWritesOnlyTheSuppliedName) {
  host_.data().queue_response(found_one(stored_user()));
  host_.data().queue_response(updated());

  const auto response =
      host_.call(Method::Put, "/api/v1/users/me", {{"firstName", "Augusta"}, {"lastName", nullptr}}, kCaller);

  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(response_json(response), user_shape({{"firstName", "Augusta"}}));
  expect_calls(host_, {call("users", {{"findOne", {{"filter", {{"userid", kUserId}}}}}}),
                       call("users", {{"updateOne",
                                       {{"filter", {{"userid", kUserId}}},
                                        {"update", {{"$set", {{"firstname", "Augusta"}}}}}}}})});
}

TEST_F(UserRoutesTest, UpdateMeWritesBothNames) {
  host_.data().queue_response(found_one(stored_user()));
  host_.data().queue_response(updated());

  const auto response =
      host_.call(Method::Put, "/api/v1/users/me", {{"firstName", "Augusta"}, {"lastName", "King"}}, kCaller);

  EXPECT_EQ(response_json(response), user_shape({{"firstName", "Augusta"}, {"lastName", "King"}}));
  EXPECT_EQ(host_.data().calls()[1].command["updateOne"]["update"],
            ordered_json({{"$set", {{"firstname", "Augusta"}, {"lastname", "King"}}}}));
}

TEST_F(UserRoutesTest, UpdateMeWithAnEmptyBodyWritesNothing) {
  host_.data().queue_response(found_one(stored_user()));

  const auto response = host_.call(Method::Put, "/api/v1/users/me", json::object(), kCaller);

  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response_json(response), user_shape());
  EXPECT_EQ(host_.data().calls().size(), 1u);
}

TEST_F(UserRoutesTest, UpdateMeOfAVanishedUserIs404AndWritesNothing) {
  host_.data().queue_response(found_none());

  const auto response = host_.call(Method::Put, "/api/v1/users/me", {{"firstName", "Augusta"}}, kCaller);

  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response_json(response),
            problem(404, "Not Found", "User not found for update, this should not happen if token is valid.",
                    "/api/v1/users/me"));
  EXPECT_EQ(host_.data().calls().size(), 1u);
}

TEST_F(UserRoutesTest, UpdateMeRefusesAnEmptyName) {
  const auto response = host_.call(Method::Put, "/api/v1/users/me", {{"lastName", ""}}, kCaller);

  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(response_json(response)["detail"][0]["loc"], json({"body", "lastName"}));
  EXPECT_TRUE(host_.data().calls().empty());
}

// ---- #5 GET /users/{userId} ----

TEST_F(UserRoutesTest, UserByIdIsPublicAndShowsStoredRolesAndLastLogin) {
  ordered_json row = stored_user();
  row["last_login_date"] = "2025-10-21T23:04:18.055Z";
  host_.data().queue_response(found_one(row));

  const auto response = host_.call(Method::Get, std::string("/api/v1/users/") + kUserId);

  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(response_json(response), user_shape({{"lastLoginDate", "2025-10-21T23:04:18.055Z"}}));
}

TEST_F(UserRoutesTest, UserByIdOfAnUnknownUserIs404) {
  host_.data().queue_response(found_none());

  const auto response = host_.call(Method::Get, std::string("/api/v1/users/") + kUserId);

  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response_json(response), problem(404, "Not Found", "User not found", std::string("/api/v1/users/") + kUserId));
}

TEST_F(UserRoutesTest, UserByIdWithAnUppercaseIdIsTheFramework404) {
  const auto response = host_.call(Method::Get, "/api/v1/users/7777B733-A6B8-47E7-83AD-BC2739AE9954");

  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response_json(response), json({{"detail", "Not Found"}}));
  EXPECT_TRUE(host_.data().calls().empty());
}

TEST_F(UserRoutesTest, UserWithoutAccountStatusDefaultsToActive) {
  ordered_json row = stored_user();
  row.erase("account_status");
  host_.data().queue_response(found_one(row));

  EXPECT_EQ(response_json(host_.call(Method::Get, std::string("/api/v1/users/") + kUserId))["accountStatus"], "active");
}

}  // namespace
