// The moderators' user management (#32–#34) in the real server: the configured moderator bootstraps the
// role, and the host's access gate reads the stored roles on every request.

#include <set>

#include <gtest/gtest.h>

#include "tests/integration/accounts/AccountsServer.h"

namespace killrvideo::testing {
namespace {

using nlohmann::json;

class ModerationUsersTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new ServerProcess(accounts_config());
    HttpClient client(server_->base_url());
    moderator_token_ = new std::string(signed_up(client, kModeratorEmail)["token"]);
  }
  static void TearDownTestSuite() {
    delete moderator_token_;
    delete server_;
    server_ = nullptr;
  }

  HttpResponse as_moderator(const std::string& method, const std::string& path) {
    return client_.request(method, path, "", {bearer(*moderator_token_)});
  }

  HttpClient client_{server_->base_url()};
  static ServerProcess* server_;
  static std::string* moderator_token_;
};
ServerProcess* ModerationUsersTest::server_ = nullptr;
std::string* ModerationUsersTest::moderator_token_ = nullptr;

TEST_F(ModerationUsersTest, TheConfiguredModeratorRegistersAsModerator) {
  const auto response = client_.get("/api/v1/users/me", {bearer(*moderator_token_)});

  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(response.json()["roles"], json({"creator", "moderator", "viewer"}));
}

TEST_F(ModerationUsersTest, SearchFindsUsersByAnyNameOrEmailIgnoringCase) {
  ASSERT_EQ(register_user(client_, unique_email("zanzibar"), "Quentin", "Blake").status, 201);
  ASSERT_EQ(register_user(client_, unique_email("other"), "Zoe", "Zanzibarova").status, 201);
  ASSERT_EQ(register_user(client_, unique_email("unrelated"), "Ann", "Smith").status, 201);

  const auto response = as_moderator("GET", "/api/v1/moderation/users?q=ZANZIBAR");

  ASSERT_EQ(response.status, 200) << response.body;
  const json users = response.json();
  ASSERT_TRUE(users.is_array());
  ASSERT_EQ(users.size(), 2u) << users;
  std::set<std::string> last_names;
  for (const auto& user : users) last_names.insert(user["lastName"].get<std::string>());
  EXPECT_EQ(last_names, (std::set<std::string>{"Blake", "Zanzibarova"}));
}

TEST_F(ModerationUsersTest, SearchWithoutQueryListsAtMostTwentyUsers) {
  for (int i = 0; i < 21; ++i) ASSERT_EQ(register_user(client_, unique_email("many")).status, 201);

  const auto response = as_moderator("GET", "/api/v1/moderation/users");

  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(response.json().size(), 20u);
}

TEST_F(ModerationUsersTest, SearchWithNoMatchIsAnEmptyArray) {
  const auto response = as_moderator("GET", "/api/v1/moderation/users?q=no-such-person-anywhere");

  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.json(), json::array());
}

TEST_F(ModerationUsersTest, AssignAndRevokeChangeTheStoredRolesTheGateReads) {
  const json target = signed_up(client_, unique_email("promoted"));
  const std::string user_id = target["user"]["userId"];
  const std::string token = target["token"];
  EXPECT_EQ(client_.get("/api/v1/moderation/users", {bearer(token)}).status, 403);

  const auto assigned = as_moderator("POST", "/api/v1/moderation/users/" + user_id + "/assign-moderator");
  ASSERT_EQ(assigned.status, 200) << assigned.body;
  json expected = target["user"];
  expected["roles"] = {"creator", "moderator", "viewer"};
  EXPECT_EQ(assigned.json(), expected);
  // The same token, issued before the promotion: stored roles win.
  EXPECT_EQ(client_.get("/api/v1/moderation/users", {bearer(token)}).status, 200);

  const auto revoked = as_moderator("POST", "/api/v1/moderation/users/" + user_id + "/revoke-moderator");
  ASSERT_EQ(revoked.status, 200) << revoked.body;
  EXPECT_EQ(revoked.json(), target["user"]);
  EXPECT_EQ(client_.get("/api/v1/moderation/users", {bearer(token)}).status, 403);
}

TEST_F(ModerationUsersTest, AssignAndRevokeAreIdempotent) {
  const std::string user_id = signed_up(client_, unique_email("twice"))["user"]["userId"];
  const std::string assign = "/api/v1/moderation/users/" + user_id + "/assign-moderator";
  const std::string revoke = "/api/v1/moderation/users/" + user_id + "/revoke-moderator";

  ASSERT_EQ(as_moderator("POST", assign).status, 200);
  EXPECT_EQ(as_moderator("POST", assign).json()["roles"], json({"creator", "moderator", "viewer"}));
  ASSERT_EQ(as_moderator("POST", revoke).status, 200);
  EXPECT_EQ(as_moderator("POST", revoke).json()["roles"], json({"creator", "viewer"}));
  EXPECT_EQ(client_.get("/api/v1/users/" + user_id).json()["roles"], json({"creator", "viewer"}));
}

TEST_F(ModerationUsersTest, ChangingAnUnknownUserIs404AndCreatesNoUser) {
  const std::string unknown = "0f8fad5b-d9cb-469f-a165-70867728950e";
  for (const char* action : {"assign-moderator", "revoke-moderator"}) {
    const std::string path = "/api/v1/moderation/users/" + unknown + "/" + action;
    const auto response = as_moderator("POST", path);
    EXPECT_EQ(response.status, 404) << action;
    EXPECT_EQ(response.json(), json({{"type", "about:blank"},
                                     {"title", "Not Found"},
                                     {"status", 404},
                                     {"detail", "User not found"},
                                     {"instance", server_->base_url() + path}}));
  }
  EXPECT_EQ(client_.get("/api/v1/users/" + unknown).status, 404);
}

}  // namespace
}  // namespace killrvideo::testing
