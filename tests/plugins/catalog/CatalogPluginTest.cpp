#include <gtest/gtest.h>

#include <algorithm>

#include "killrvideo/plugin/testing/FakeHost.h"

#include "CatalogPlugin.h"

namespace killrvideo::catalog {
namespace {

using plugin::Access;
using plugin::Method;
using plugin::testing::FakeHost;

bool has_route(const std::vector<plugin::RouteSpec>& routes, Method method, const std::string& path, Access access) {
  return std::any_of(routes.begin(), routes.end(), [&](const plugin::RouteSpec& route) {
    return route.method == method && route.path == path && route.access == access;
  });
}

TEST(CatalogPluginTest, RegistersEveryCatalogRouteWithItsAccess) {
  FakeHost host("catalog");
  host.load<CatalogPlugin>();
  const auto routes = host.routes();
  EXPECT_EQ(routes.size(), 11U);
  EXPECT_TRUE(has_route(routes, Method::Post, "/api/v1/videos", Access::Creator));
  EXPECT_TRUE(has_route(routes, Method::Post, "/api/v1/videos/preview", Access::Public));
  EXPECT_TRUE(has_route(routes, Method::Get, "/api/v1/videos/id/{videoId:uuid}", Access::Optional));
  EXPECT_TRUE(has_route(routes, Method::Get, "/api/v1/videos/id/{videoId:uuid}/status", Access::AnyAuth));
  EXPECT_TRUE(has_route(routes, Method::Put, "/api/v1/videos/id/{videoId:uuid}", Access::AnyAuth));
  EXPECT_TRUE(has_route(routes, Method::Post, "/api/v1/videos/id/{videoId:uuid}/view", Access::Optional));
  EXPECT_TRUE(has_route(routes, Method::Get, "/api/v1/videos/latest", Access::Public));
  EXPECT_TRUE(has_route(routes, Method::Get, "/api/v1/videos/by-tag/{tag}", Access::Public));
  EXPECT_TRUE(has_route(routes, Method::Get, "/api/v1/videos/by-uploader/{userId}", Access::Public));
  EXPECT_TRUE(has_route(routes, Method::Get, "/api/v1/videos/trending", Access::Public));
  EXPECT_TRUE(has_route(routes, Method::Post, "/api/v1/moderation/videos/{videoId:uuid}/restore", Access::Moderator));
}

TEST(CatalogPluginTest, OwnsTheVideosItsListingTablesAndFourCollections) {
  FakeHost host("catalog");
  host.load<CatalogPlugin>();
  std::vector<std::string> tables;
  for (const auto& table : host.owned_tables()) tables.push_back(table.name);
  EXPECT_EQ(tables, std::vector<std::string>({"videos", "latest_videos", "videos_by_tag", "videos_by_uploader"}));
  std::vector<std::string> collections;
  for (const auto& collection : host.owned_collections()) collections.push_back(collection.name);
  EXPECT_EQ(collections, std::vector<std::string>({"video_stats", "feed_counts", "video_views_by_day", "video_removals"}));
}

TEST(CatalogPluginTest, VideosCarryAVectorOfTheEmbedderDimensionWithANamedCosineIndex) {
  FakeHost host("catalog");
  host.load<CatalogPlugin>();
  const auto& videos = host.owned_tables()[0].definition;
  EXPECT_EQ(videos["definition"]["columns"]["content_features"],
            nlohmann::ordered_json({{"type", "vector"}, {"dimension", 384}}));
  EXPECT_EQ(videos["definition"]["primaryKey"], "videoid");
  ASSERT_EQ(videos["vectorIndexes"].size(), 1U);
  EXPECT_EQ(videos["vectorIndexes"][0]["name"], "videos_content_features_idx");
  EXPECT_EQ(videos["vectorIndexes"][0]["definition"]["options"]["metric"], "cosine");
  EXPECT_EQ(videos["indexes"].size(), 2U);
}

TEST(CatalogPluginTest, ListingTablesAreDayBucketedAndClusterNewestFirst) {
  FakeHost host("catalog");
  host.load<CatalogPlugin>();
  EXPECT_EQ(host.owned_tables()[1].definition["definition"]["primaryKey"],
            nlohmann::ordered_json::parse(R"({"partitionBy":["day"],"partitionSort":{"added_date":-1,"videoid":1}})"));
  EXPECT_EQ(host.owned_tables()[2].definition["definition"]["primaryKey"],
            nlohmann::ordered_json::parse(R"({"partitionBy":["tag","day"],"partitionSort":{"added_date":-1,"videoid":1}})"));
  EXPECT_EQ(host.owned_tables()[3].definition["definition"]["primaryKey"],
            nlohmann::ordered_json::parse(R"({"partitionBy":["userid","day"],"partitionSort":{"added_date":-1,"videoid":1}})"));
}

TEST(CatalogPluginTest, SubscribesToRatingsModerationAndIngestedEmbeddingsAndImportsTwoDataSets) {
  FakeHost host("catalog");
  host.load<CatalogPlugin>();
  EXPECT_EQ(host.subscriptions(), std::vector<std::string>({"moderation.content_removed", "moderation.content_restored",
                                                            "video.rated", "video.embedding.ingested"}));
  EXPECT_EQ(host.imported_datasets(), std::vector<std::string>({"video_playback_stats", "videos"}));
}

TEST(CatalogPluginTest, MalformedOEmbedConfigStopsTheLoad) {
  FakeHost host("catalog", {{"oembed", {{"enabled", "yes"}}}});
  EXPECT_THROW(host.load<CatalogPlugin>(), std::invalid_argument);
}

}  // namespace
}  // namespace killrvideo::catalog
