// The admin routes' own refusals, on the real switchboard over a runtime with no plugins: what a client on
// another machine or without the token gets. (The switching itself is tested with the real binary in
// tests/integration/PluginSwitchingTest.cpp, which can only connect from loopback.)
#include "app/AdminRoutes.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "app/AccountLookupSlot.h"
#include "app/PluginRuntime.h"
#include "app/PluginSwitchboard.h"
#include "http/Metrics.h"
#include "http/Router.h"
#include "killrvideo/plugin/testing/FakeRequest.h"

namespace killrvideo::host {
namespace {

using plugin::Method;
using plugin::testing::FakeRequest;

constexpr const char* kToken = "an-admin-token-of-some-length";

Config config_without_plugins() {
  Config config;
  config.database.backend = "none";
  config.plugins.push_back({"example", false, "{}", 1});
  return config;
}

class AdminRoutesTest : public ::testing::Test {
 protected:
  AdminRoutesTest() { add_admin_routes(router_, switchboard_, kToken); }

  plugin::Response call(Method method, const std::string& path, const std::string& from,
                        const std::string& authorization) {
    const RouteMatch match = router_.match(std::string(plugin::to_string(method)), path);
    EXPECT_EQ(match.kind, RouteMatch::Kind::Found) << path;
    if (match.kind != RouteMatch::Kind::Found) return {};
    FakeRequest request(method, path, nullptr, std::nullopt,
                        authorization.empty() ? plugin::testing::Headers{}
                                              : plugin::testing::Headers{{"Authorization", authorization}});
    request.set_path_params(match.params);
    request.set_client_address(from);
    return match.route->handler(request);
  }

  Config config_ = config_without_plugins();
  PluginRuntime runtime_{config_, "/nonexistent", "a-jwt-secret-for-the-test"};
  Router router_;
  Metrics metrics_;
  AccountLookupSlot accounts_;
  PluginSwitchboard switchboard_{runtime_, router_, metrics_, accounts_};
};

TEST_F(AdminRoutesTest, ALoopbackClientWithTheTokenIsServed) {
  for (const char* loopback : {"127.0.0.1", "127.1.2.3", "::1", "::ffff:127.0.0.1"}) {
    const auto response = call(Method::Get, "/admin/plugins", loopback, std::string("Bearer ") + kToken);
    EXPECT_EQ(response.status, 200) << loopback;
    EXPECT_EQ(nlohmann::json::parse(response.body),
              nlohmann::json::parse(R"({"plugins":[{"name":"example","enabled":false,"version":""}]})"));
  }
}

TEST_F(AdminRoutesTest, AnyOtherClientGets404EvenWithTheToken) {
  for (const char* remote : {"203.0.113.7", "10.0.0.1", "::ffff:10.0.0.1", "2001:db8::1", "128.0.0.1"}) {
    EXPECT_EQ(call(Method::Get, "/admin/plugins", remote, std::string("Bearer ") + kToken).status, 404) << remote;
    EXPECT_EQ(call(Method::Post, "/admin/plugins/example/enable", remote, std::string("Bearer ") + kToken).status, 404)
        << remote;
  }
}

TEST_F(AdminRoutesTest, AWrongOrMissingTokenIs401AndNeverEchoed) {
  for (const std::string authorization : {std::string(), std::string("Bearer"), std::string("Bearer ") + kToken + "!",
                                          std::string("bearer ") + kToken, std::string("Basic ") + kToken,
                                          std::string("Bearer an-admin-token-of-some-lengtH")}) {
    const auto response = call(Method::Post, "/admin/plugins/example/enable", "127.0.0.1", authorization);
    EXPECT_EQ(response.status, 401) << authorization;
    EXPECT_EQ(response.body.find(kToken), std::string::npos);
  }
}

TEST_F(AdminRoutesTest, NoTokenConfiguredServesNoAdminRoute) {
  Router bare;
  add_admin_routes(bare, switchboard_, "");
  EXPECT_EQ(bare.size(), 0U);
}

}  // namespace
}  // namespace killrvideo::host
