#include <gtest/gtest.h>

#include "killrvideo/plugin/testing/FakeHost.h"

#include "RecommendationsPlugin.h"

namespace killrvideo::recommendations {
namespace {

using plugin::Access;
using plugin::Method;
using plugin::testing::FakeHost;

TEST(RecommendationsPluginTest, RegistersItsThreeRoutesWithTheirGates) {
  FakeHost host("recommendations");
  host.load<RecommendationsPlugin>();
  const auto routes = host.routes();
  ASSERT_EQ(routes.size(), 3U);
  EXPECT_EQ(routes[0].path, "/api/v1/videos/id/{videoId:uuid}/related");
  EXPECT_EQ(routes[0].access, Access::Public);
  EXPECT_EQ(routes[1].path, "/api/v1/recommendations/foryou");
  EXPECT_EQ(routes[1].access, Access::Viewer);
  EXPECT_EQ(routes[2].path, "/api/v1/reco/ingest");
  EXPECT_EQ(routes[2].method, Method::Post);
  EXPECT_EQ(routes[2].access, Access::Creator);
}

TEST(RecommendationsPluginTest, OwnsUserPreferencesWithAVectorOfTheEmbeddersDimension) {
  FakeHost host("recommendations");
  host.load<RecommendationsPlugin>();
  ASSERT_EQ(host.owned_tables().size(), 1U);
  const auto& table = host.owned_tables()[0];
  EXPECT_EQ(table.name, "user_preferences");
  const auto& columns = table.definition["definition"]["columns"];
  EXPECT_EQ(columns["preference_vector"]["dimension"], host.embedder().dimension());
  EXPECT_EQ(columns["watched_videos"]["type"], "set");
  EXPECT_EQ(table.definition["definition"]["primaryKey"], "userid");
}

TEST(RecommendationsPluginTest, ReadsTheCatalogsTablesAndListensToEngagement) {
  FakeHost host("recommendations");
  host.load<RecommendationsPlugin>();
  std::vector<std::string> reads;
  for (const auto& read : host.reads()) {
    EXPECT_EQ(read.owner_plugin, "catalog");
    reads.push_back(read.table);
  }
  EXPECT_EQ(reads, std::vector<std::string>({"videos", "latest_videos", "video_stats"}));
  EXPECT_EQ(host.subscriptions(), std::vector<std::string>({"video.viewed", "comment.added", "video.rated"}));
}

}  // namespace
}  // namespace killrvideo::recommendations
