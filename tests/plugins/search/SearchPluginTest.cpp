// What the plugin registers: its routes, tables, reads and subscriptions.

#include "SearchFixture.h"
#include "SearchTables.h"

namespace killrvideo::search::testing {
namespace {

TEST(SearchPluginTest, RegistersTwoPublicRoutesItsTablesTheCatalogsReadsAndTheVideoEvents) {
  plugin::testing::FakeHost host("search");
  host.load<SearchPlugin>();
  const auto routes = host.routes();
  ASSERT_EQ(routes.size(), 2U);
  EXPECT_EQ(routes[0].path, "/api/v1/search/videos");
  EXPECT_EQ(routes[1].path, "/api/v1/search/tags/suggest");
  for (const auto& route : routes) EXPECT_EQ(route.access, plugin::Access::Public);

  ASSERT_EQ(host.owned_tables().size(), 2U);
  EXPECT_EQ(host.owned_tables()[0].name, kVideoTextTable);
  EXPECT_EQ(host.owned_tables()[1].name, kTagGramsTable);
  ASSERT_EQ(host.owned_collections().size(), 1U);
  EXPECT_EQ(host.owned_collections()[0].name, kTagCountsCollection);
  ASSERT_EQ(host.reads().size(), 2U);
  EXPECT_EQ(host.reads()[0].table, "videos");
  EXPECT_EQ(host.reads()[1].table, "video_stats");
  auto topics = host.subscriptions();
  std::sort(topics.begin(), topics.end());
  EXPECT_EQ(topics, (std::vector<std::string>{"video.added", "video.removed", "video.restored", "video.updated"}));
}

}  // namespace
}  // namespace killrvideo::search::testing
