// Role gates enforced by the host on a real route, with tokens signed by the server's secret.

#include <gtest/gtest.h>

#include "auth/JwtCodec.h"
#include "tests/integration/TestConfig.h"
#include "tests/support/HttpClient.h"

namespace killrvideo::testing {
namespace {

constexpr const char* kUserId = "6c1f0e8a-2b7d-4f1e-9a51-0d3c2b4a5e6f";

class AccessTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new ServerProcess(test_config("  - { name: throwing }\n  - { name: example }\n")); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  static std::string bearer(const std::vector<std::string>& roles, std::chrono::seconds ttl = std::chrono::minutes(30),
                            const std::string& secret = kTestJwtSecret) {
    const host::JwtCodec codec(secret, host::system_seconds_clock());
    return "Authorization: Bearer " + codec.issue(kUserId, roles, ttl);
  }

  HttpClient client_{server_->base_url()};
  static ServerProcess* server_;
};
ServerProcess* AccessTest::server_ = nullptr;

TEST_F(AccessTest, NoTokenIs401NotAuthenticated) {
  const auto response = client_.get("/api/v1/fixtures/whoami");
  EXPECT_EQ(response.status, 401);
  EXPECT_EQ(response.json()["detail"], "Not authenticated");
  EXPECT_EQ(response.json()["title"], "Unauthorized");
}

TEST_F(AccessTest, ViewerTokenPassesTheViewerGate) {
  const auto response = client_.get("/api/v1/fixtures/whoami", {bearer({"viewer"})});
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(response.json(), nlohmann::json({{"userId", kUserId}, {"roles", {"viewer"}}}));
}

TEST_F(AccessTest, UnrelatedRoleIs403NamingTheGate) {
  const auto response = client_.get("/api/v1/fixtures/whoami", {bearer({"auditor"})});
  EXPECT_EQ(response.status, 403);
  EXPECT_EQ(response.json()["detail"],
            "User does not have any of the required roles: ['viewer', 'creator', 'moderator']");
}

TEST_F(AccessTest, ExpiredTokenIs401) {
  const auto response = client_.get("/api/v1/fixtures/whoami", {bearer({"viewer"}, std::chrono::seconds(-60))});
  EXPECT_EQ(response.status, 401);
  EXPECT_EQ(response.json()["detail"], "Token has expired");
}

TEST_F(AccessTest, TokenSignedWithAnotherSecretIs401) {
  const auto response = client_.get("/api/v1/fixtures/whoami", {bearer({"viewer"}, std::chrono::minutes(5), "other")});
  EXPECT_EQ(response.status, 401);
  EXPECT_EQ(response.json()["detail"].get<std::string>().rfind("Could not validate credentials", 0), 0U);
}

TEST_F(AccessTest, AnyAuthRouteSeesThePrincipal) {
  const auto response = client_.post("/api/v1/example/echo", R"({"message":"hi"})", {bearer({"viewer"})});
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(response.json(), nlohmann::json({{"message", "hi"}, {"length", 2}, {"userId", kUserId}}));
}

TEST_F(AccessTest, AuthIsCheckedBeforeBodyValidation) {
  const auto response = client_.post("/api/v1/example/echo", R"({"message":""})");
  EXPECT_EQ(response.status, 401);
}

TEST_F(AccessTest, ValidationAfterAuthGives422Items) {
  const auto response = client_.post("/api/v1/example/echo", R"({})", {bearer({"viewer"})});
  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(response.json()["detail"][0]["type"], "missing");
  EXPECT_EQ(response.json()["detail"][0]["loc"], nlohmann::json({"body", "message"}));
}

TEST_F(AccessTest, PublicRouteIgnoresAGarbageToken) {
  const auto response = client_.get("/api/v1/fixtures/ok", {"Authorization: Bearer not.a.token"});
  EXPECT_EQ(response.status, 200);
}

}  // namespace
}  // namespace killrvideo::testing
