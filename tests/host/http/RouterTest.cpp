#include "http/Router.h"

#include <gtest/gtest.h>

namespace killrvideo::host {
namespace {

using plugin::Access;
using plugin::Method;

Route route(const std::string& path, Method method, const std::string& tag) {
  return {plugin::PathPattern(path), method, Access::Public,
          [tag](const plugin::Request&) { return plugin::Response{200, tag}; }, "test"};
}

class RouterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router_.add(route("/api/v1/videos/{videoId:uuid}", Method::Get, "video"));
    router_.add(route("/api/v1/videos/{tag}/x", Method::Get, "param-x"));
    router_.add(route("/api/v1/videos/latest", Method::Get, "latest"));
    router_.add(route("/api/v1/videos/latest/x", Method::Get, "literal-x"));
    router_.add(route("/api/v1/videos/latest", Method::Post, "post-latest"));
  }
  Router router_;
};

TEST_F(RouterTest, LiteralBeatsParameterWhateverTheOrderOfRegistration) {
  const auto match = router_.match("GET", "/api/v1/videos/latest/x");
  ASSERT_EQ(match.kind, RouteMatch::Kind::Found);
  EXPECT_EQ(match.route->pattern.text(), "/api/v1/videos/latest/x");
  EXPECT_EQ(router_.match("GET", "/api/v1/videos/other/x").route->pattern.text(), "/api/v1/videos/{tag}/x");
}

TEST_F(RouterTest, UuidParameterOnlyMatchesLowercaseCanonicalUuids) {
  const auto match = router_.match("GET", "/api/v1/videos/1b0b5c3e-7a5e-4c4f-9d0a-3f2e1d0c9b8a");
  ASSERT_EQ(match.kind, RouteMatch::Kind::Found);
  ASSERT_EQ(match.params.size(), 1U);
  EXPECT_EQ(match.params[0], std::make_pair(std::string("videoId"), std::string("1b0b5c3e-7a5e-4c4f-9d0a-3f2e1d0c9b8a")));
  EXPECT_EQ(router_.match("GET", "/api/v1/videos/1B0B5C3E-7A5E-4C4F-9D0A-3F2E1D0C9B8A").kind, RouteMatch::Kind::NotFound);
  EXPECT_EQ(router_.match("GET", "/api/v1/videos/nope").kind, RouteMatch::Kind::NotFound);
}

TEST_F(RouterTest, ParametersAreDecodedAndSlashesInThemStayInside) {
  const auto match = router_.match("GET", "/api/v1/videos/a%2Fb%20c/x");
  ASSERT_EQ(match.kind, RouteMatch::Kind::Found);
  EXPECT_EQ(match.params[0].second, "a/b c");
}

TEST_F(RouterTest, KnownPathWithOtherMethodIs405ListingAllowed) {
  const auto match = router_.match("DELETE", "/api/v1/videos/latest");
  EXPECT_EQ(match.kind, RouteMatch::Kind::MethodNotAllowed);
  EXPECT_EQ(match.allowed_methods, (std::vector<std::string>{"GET", "POST"}));
  EXPECT_EQ(router_.match("HEAD", "/api/v1/videos/latest").kind, RouteMatch::Kind::MethodNotAllowed);
}

TEST_F(RouterTest, TrailingSlashOfAKnownRouteRedirects) {
  const auto match = router_.match("GET", "/api/v1/videos/latest/");
  EXPECT_EQ(match.kind, RouteMatch::Kind::TrailingSlashRedirect);
  EXPECT_EQ(match.redirect_path, "/api/v1/videos/latest");
  EXPECT_EQ(router_.match("GET", "/api/v1/nothing/").kind, RouteMatch::Kind::NotFound);
}

TEST(MethodParsingTest, OnlyRegistrableMethodsParse) {
  plugin::Method method{};
  EXPECT_TRUE(parse_method("PUT", method));
  EXPECT_EQ(method, plugin::Method::Put);
  EXPECT_FALSE(parse_method("OPTIONS", method));
  EXPECT_FALSE(parse_method("get", method));
}

TEST(RouterSwitchTest, ReplacingAPluginsRoutesLeavesTheOthersAndKeepsAMatchAlive) {
  Router router;
  router.add(route("/a", Method::Get, "host"));
  Route mine = route("/b/{id}", Method::Get, "mine");
  mine.plugin = "switched";
  router.replace_plugin_routes("switched", {mine});
  const RouteMatch held = router.match("GET", "/b/1");
  ASSERT_EQ(held.kind, RouteMatch::Kind::Found);

  router.replace_plugin_routes("switched", {});
  EXPECT_EQ(router.match("GET", "/b/1").kind, RouteMatch::Kind::NotFound);
  EXPECT_EQ(router.match("GET", "/a").kind, RouteMatch::Kind::Found);
  EXPECT_EQ(router.size(), 1U);
  // A request that matched before the change still holds its route.
  EXPECT_EQ(held.route->pattern.text(), "/b/{id}");
  EXPECT_EQ(held.route->plugin, "switched");
}

}  // namespace
}  // namespace killrvideo::host
