// What the accounts plugin registers: routes with their access, owned tables, subscriptions, importers,
// and the account lookup the host's access gate calls.
#include "AccountsPlugin.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "killrvideo/plugin/testing/DataReplies.h"
#include "killrvideo/plugin/testing/FakeHost.h"

namespace {

using killrvideo::accounts::AccountsPlugin;
using killrvideo::plugin::Access;
using killrvideo::plugin::Method;
using killrvideo::plugin::RouteSpec;
using killrvideo::plugin::testing::FakeHost;
using nlohmann::ordered_json;
using namespace killrvideo::plugin::testing::replies;

constexpr const char* kUserId = "7777b733-a6b8-47e7-83ad-bc2739ae9954";

struct ExpectedRoute {
  Method method;
  const char* path;
  Access access;
};

TEST(AccountsPlugin, RegistersEveryRouteWithItsAccess) {
  FakeHost host("accounts");
  host.load<AccountsPlugin>();

  const std::vector<ExpectedRoute> expected = {
      {Method::Post, "/api/v1/users/register", Access::Public},
      {Method::Post, "/api/v1/users/login", Access::Public},
      {Method::Get, "/api/v1/users/me", Access::Viewer},
      {Method::Put, "/api/v1/users/me", Access::Viewer},
      {Method::Get, "/api/v1/users/{userId:uuid}", Access::Public},
      {Method::Get, "/api/v1/moderation/users", Access::Moderator},
      {Method::Post, "/api/v1/moderation/users/{userId:uuid}/assign-moderator", Access::Moderator},
      {Method::Post, "/api/v1/moderation/users/{userId:uuid}/revoke-moderator", Access::Moderator},
      {Method::Get, "/api/v1/users/{userId}/activity", Access::Public},
  };
  const std::vector<RouteSpec> routes = host.routes();
  ASSERT_EQ(routes.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(routes[i].method, expected[i].method) << i;
    EXPECT_EQ(routes[i].path, expected[i].path) << i;
    EXPECT_EQ(routes[i].access, expected[i].access) << i;
  }
}

TEST(AccountsPlugin, OwnsUsersKeyedByIdWithRolesAndAnEmailIndex) {
  FakeHost host("accounts");
  host.load<AccountsPlugin>();

  ASSERT_EQ(host.owned_tables().size(), 3u);
  EXPECT_EQ(host.owned_tables()[0].name, "users");
  EXPECT_EQ(host.owned_tables()[0].definition.dump(),
            R"({"definition":{"columns":{"userid":"uuid","created_date":"timestamp","email":"text",)"
            R"("firstname":"text","lastname":"text","account_status":"text","last_login_date":"timestamp",)"
            R"("roles":{"type":"set","valueType":"text"}},"primaryKey":"userid"},)"
            R"("indexes":[{"name":"users_email_idx","definition":{"column":"email"}}],"vectorIndexes":[]})");
}

TEST(AccountsPlugin, OwnsCredentialsKeyedByEmail) {
  FakeHost host("accounts");
  host.load<AccountsPlugin>();

  EXPECT_EQ(host.owned_tables()[1].name, "user_credentials");
  EXPECT_EQ(host.owned_tables()[1].definition.dump(),
            R"({"definition":{"columns":{"email":"text","password":"text","userid":"uuid","account_locked":"boolean"},)"
            R"("primaryKey":"email"},"indexes":[],"vectorIndexes":[]})");
}

TEST(AccountsPlugin, OwnsActivityPartitionedByUserAndDayInDeclaredClusteringOrder) {
  FakeHost host("accounts");
  host.load<AccountsPlugin>();

  EXPECT_EQ(host.owned_tables()[2].name, "user_activity");
  EXPECT_EQ(host.owned_tables()[2].definition.dump(),
            R"({"definition":{"columns":{"userid":"uuid","day":"date","activity_type":"text",)"
            R"("activity_timestamp":"timestamp","activity_id":"uuid","videoid":"uuid"},)"
            R"("primaryKey":{"partitionBy":["userid","day"],)"
            R"("partitionSort":{"activity_type":1,"activity_timestamp":-1,"activity_id":1}}},)"
            R"("indexes":[],"vectorIndexes":[]})");
  EXPECT_TRUE(host.reads().empty());
  EXPECT_TRUE(host.required_plugins().empty());
}

TEST(AccountsPlugin, OwnsTheEmailClaimsCollection) {
  FakeHost host("accounts");
  host.load<AccountsPlugin>();

  ASSERT_EQ(host.owned_collections().size(), 1u);
  EXPECT_EQ(host.owned_collections()[0].name, "user_email_claims");
  EXPECT_EQ(host.owned_collections()[0].definition.dump(), "{}");
}

TEST(AccountsPlugin, SubscribesToTheThreeActivityEvents) {
  FakeHost host("accounts");
  host.load<AccountsPlugin>();

  EXPECT_EQ(host.subscriptions(), (std::vector<std::string>{"video.viewed", "comment.added", "video.rated"}));
}

TEST(AccountsPlugin, ImportsUsersAndCredentials) {
  FakeHost host("accounts");
  host.load<AccountsPlugin>();

  EXPECT_EQ(host.imported_datasets(), (std::vector<std::string>{"user_credentials", "users"}));
}

TEST(AccountsPlugin, AccountLookupAnswersStoredRolesByPointRead) {
  FakeHost host("accounts");
  host.load<AccountsPlugin>();
  host.data().queue_response(found_one({{"userid", kUserId}, {"roles", {"creator", "viewer"}}}));

  const auto account = host.account_lookup()(kUserId);

  EXPECT_TRUE(account.found);
  EXPECT_EQ(account.roles, (std::vector<std::string>{"creator", "viewer"}));
  EXPECT_TRUE(account.error.empty());
  ASSERT_EQ(host.data().calls().size(), 1u);
  EXPECT_EQ(host.data().calls()[0].target, "users");
  EXPECT_EQ(host.data().calls()[0].command, ordered_json({{"findOne", {{"filter", {{"userid", kUserId}}}}}}));
}

TEST(AccountsPlugin, AccountLookupOfADeletedUserIsNotFound) {
  FakeHost host("accounts");
  host.load<AccountsPlugin>();
  host.data().queue_response(found_none());

  const auto account = host.account_lookup()(kUserId);

  EXPECT_FALSE(account.found);
  EXPECT_TRUE(account.roles.empty());
  EXPECT_TRUE(account.error.empty());
}

TEST(AccountsPlugin, AccountLookupReportsAnUnreachableStore) {
  FakeHost host("accounts");
  host.load<AccountsPlugin>();

  const auto account = host.account_lookup()(kUserId);

  EXPECT_FALSE(account.found);
  EXPECT_NE(account.error.find("no response queued"), std::string::npos) << account.error;
}

}  // namespace
