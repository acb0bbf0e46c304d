#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>

#include "killrvideo/plugin/testing/FakeHost.h"

#include "CommentsRatingsPlugin.h"

namespace killrvideo::comments_ratings {
namespace {

using plugin::Access;
using plugin::Method;
using plugin::testing::FakeHost;

bool has_route(const std::vector<plugin::RouteSpec>& routes, Method method, const std::string& path, Access access) {
  return std::any_of(routes.begin(), routes.end(), [&](const plugin::RouteSpec& route) {
    return route.method == method && route.path == path && route.access == access;
  });
}

TEST(CommentsRatingsPluginTest, RegistersEveryRouteWithItsAccess) {
  FakeHost host("comments_ratings");
  host.load<CommentsRatingsPlugin>();
  const auto routes = host.routes();
  EXPECT_EQ(routes.size(), 8U);
  EXPECT_TRUE(has_route(routes, Method::Post, "/api/v1/videos/{videoId:uuid}/comments", Access::Viewer));
  EXPECT_TRUE(has_route(routes, Method::Get, "/api/v1/videos/{videoId:uuid}/comments", Access::Public));
  EXPECT_TRUE(has_route(routes, Method::Get, "/api/v1/users/{userId:uuid}/comments", Access::Public));
  EXPECT_TRUE(has_route(routes, Method::Post, "/api/v1/videos/{videoId:uuid}/ratings", Access::AnyAuth));
  EXPECT_TRUE(has_route(routes, Method::Get, "/api/v1/videos/{videoId:uuid}/ratings", Access::Optional));
  EXPECT_TRUE(has_route(routes, Method::Post, "/api/v1/videos/id/{videoId:uuid}/rating", Access::AnyAuth));
  EXPECT_TRUE(has_route(routes, Method::Get, "/api/v1/videos/id/{videoId:uuid}/rating", Access::Public));
  EXPECT_TRUE(has_route(routes, Method::Post, "/api/v1/moderation/comments/{commentId:uuid}/restore", Access::Moderator));
}

TEST(CommentsRatingsPluginTest, OwnsTwoQueryShapedTablesAndFourCollections) {
  FakeHost host("comments_ratings");
  host.load<CommentsRatingsPlugin>();
  ASSERT_EQ(host.owned_tables().size(), 2U);
  const auto& comments = host.owned_tables()[0];
  EXPECT_EQ(comments.name, "comments");
  EXPECT_EQ(comments.definition["definition"]["primaryKey"],
            nlohmann::ordered_json({{"partitionBy", {"videoid"}}, {"partitionSort", {{"created_at", -1}, {"commentid", -1}}}}));
  EXPECT_EQ(host.owned_tables()[1].name, "comments_by_user");
  EXPECT_EQ(host.owned_tables()[1].definition["definition"]["primaryKey"]["partitionBy"], nlohmann::ordered_json({"userid"}));
  std::vector<std::string> collections;
  for (const auto& collection : host.owned_collections()) collections.push_back(collection.name);
  EXPECT_EQ(collections, std::vector<std::string>({"comments_by_id", "comment_counts", "video_ratings", "video_ratings_by_user"}));
}

TEST(CommentsRatingsPluginTest, ReadsVideosAndUsersAndListensToModeration) {
  FakeHost host("comments_ratings");
  host.load<CommentsRatingsPlugin>();
  ASSERT_EQ(host.reads().size(), 2U);
  EXPECT_EQ(host.reads()[0].owner_plugin, "catalog");
  EXPECT_EQ(host.reads()[0].table, "videos");
  EXPECT_EQ(host.reads()[1].owner_plugin, "accounts");
  EXPECT_EQ(host.reads()[1].table, "users");
  EXPECT_EQ(host.subscriptions(), std::vector<std::string>({"moderation.content_removed", "moderation.content_restored"}));
  EXPECT_EQ(host.imported_datasets(), std::vector<std::string>({"comments", "video_ratings_by_user"}));
  // Registered (they fail only for want of a store here), unlike a name nobody registered.
  EXPECT_THROW(host.run_recount("comment_counts"), std::runtime_error);
  EXPECT_THROW(host.run_recount("video_ratings"), std::runtime_error);
  EXPECT_THROW(host.run_recount("video_stats"), std::logic_error);
}

}  // namespace
}  // namespace killrvideo::comments_ratings
