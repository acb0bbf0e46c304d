// Every gated accounts route for each kind of caller: anonymous, viewer, creator, moderator. Roles come
// from the configured defaults (one server per set) and, for the moderator, from `auth.moderators`.

#include <gtest/gtest.h>

#include "tests/integration/accounts/AccountsServer.h"

namespace killrvideo::testing {
namespace {

using nlohmann::json;

constexpr const char* kModeratorGateDetail = "User does not have any of the required roles: ['moderator']";
constexpr const char* kSomeUserId = "0f8fad5b-d9cb-469f-a165-70867728950e";

struct GatedRoute {
  const char* method;
  std::string path;
  const char* body;
  bool moderators_only;
};

std::vector<GatedRoute> gated_routes() {
  return {{"GET", "/api/v1/users/me", "", false},
          {"PUT", "/api/v1/users/me", "{}", false},
          {"GET", "/api/v1/moderation/users", "", true},
          {"POST", std::string("/api/v1/moderation/users/") + kSomeUserId + "/assign-moderator", "", true},
          {"POST", std::string("/api/v1/moderation/users/") + kSomeUserId + "/revoke-moderator", "", true}};
}

// Two servers: on one, new accounts are viewers only; on the other, creators only.
class RoleMatrixTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    viewers_ = new ServerProcess(accounts_config("[viewer]"));
    creators_ = new ServerProcess(accounts_config("[creator]"));
  }
  static void TearDownTestSuite() {
    delete viewers_;
    delete creators_;
    viewers_ = creators_ = nullptr;
  }

  static HttpResponse send(HttpClient& client, const GatedRoute& route, const std::vector<std::string>& headers) {
    return client.request(route.method, route.path, route.body, headers);
  }

  // A signed-in non-moderator: every gated route answers 200 but the moderators-only ones, which answer 403.
  static void expect_refused_only_by_the_moderator_gate(HttpClient& client, const json& token) {
    for (const auto& route : gated_routes()) {
      const auto response = send(client, route, {bearer(token)});
      if (route.moderators_only) {
        EXPECT_EQ(response.status, 403) << route.path;
        EXPECT_EQ(response.json()["detail"], kModeratorGateDetail) << route.path;
      } else {
        EXPECT_EQ(response.status, 200) << route.method << " " << route.path << " " << response.body;
      }
    }
  }

  static ServerProcess* viewers_;
  static ServerProcess* creators_;
};
ServerProcess* RoleMatrixTest::viewers_ = nullptr;
ServerProcess* RoleMatrixTest::creators_ = nullptr;

TEST_F(RoleMatrixTest, AnonymousCallersAre401Everywhere) {
  HttpClient client(viewers_->base_url());
  for (const auto& route : gated_routes()) {
    const auto response = send(client, route, {});
    EXPECT_EQ(response.status, 401) << route.method << " " << route.path;
    EXPECT_EQ(response.json()["detail"], "Not authenticated") << route.path;
  }
}

TEST_F(RoleMatrixTest, ViewersReachTheirProfileButNotModeration) {
  HttpClient client(viewers_->base_url());
  const json login = signed_up(client, unique_email("viewer"));
  ASSERT_EQ(login["user"]["roles"], json({"viewer"}));
  expect_refused_only_by_the_moderator_gate(client, login["token"]);
}

TEST_F(RoleMatrixTest, CreatorsReachTheirProfileButNotModeration) {
  HttpClient client(creators_->base_url());
  const json login = signed_up(client, unique_email("creator"));
  ASSERT_EQ(login["user"]["roles"], json({"creator"}));
  expect_refused_only_by_the_moderator_gate(client, login["token"]);
}

TEST_F(RoleMatrixTest, ModeratorsPassEveryGate) {
  HttpClient client(viewers_->base_url());
  const json login = signed_up(client, kModeratorEmail);
  ASSERT_EQ(login["user"]["roles"], json({"moderator", "viewer"}));
  for (const auto& route : gated_routes()) {
    const auto response = send(client, route, {bearer(login["token"])});
    // Past the gate; the sample id is nobody, so the role changes answer the handler's 404.
    const long expected = route.path.find(kSomeUserId) != std::string::npos ? 404 : 200;
    EXPECT_EQ(response.status, expected) << route.method << " " << route.path << " " << response.body;
  }
}

}  // namespace
}  // namespace killrvideo::testing
