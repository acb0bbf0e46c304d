// #19 on the real engine: keyword hits by the text index, semantic hits by ANN and the threshold, pages
// and totals, and the index following the catalog's events.

#include <set>

#include "SearchFixture.h"

namespace killrvideo::search::testing {
namespace {

using nlohmann::json;

class SearchRoutesTest : public SearchFixture {
 protected:
  void SetUp() override {
    SearchFixture::SetUp();
    add({video_id(1), "Data modeling with Apache Cassandra", "Partitions, clustering columns and keyspaces.",
         {"cassandra", "data_modeling"}});
    add({video_id(2), "Vector search explained", "Embeddings and approximate nearest neighbours in Cassandra.",
         {"vector", "search"}});
    add({video_id(3), "Sourdough at home", "A kitchen guide: flour, water, salt and a patient starter.",
         {"baking"}});
  }
};

TEST_F(SearchRoutesTest, KeywordFindsAWordThatOnlyOneDescriptionHolds) {
  const json page = ok("/api/v1/search/videos?mode=keyword&query=starter");
  EXPECT_EQ(ids_of(page), std::vector<std::string>{video_id(3)});
  EXPECT_EQ(page["pagination"], json({{"currentPage", 1}, {"pageSize", 10}, {"totalItems", 1}, {"totalPages", 1}}));
  EXPECT_EQ(page["data"][0]["title"], "Sourdough at home");
}

TEST_F(SearchRoutesTest, KeywordIsTheDefaultModeAndRanksATitleMatchAboveADescriptionMatch) {
  // "cassandra" is in video 1's title and tags and only in video 2's description.
  EXPECT_EQ(ids_of(ok("/api/v1/search/videos?query=Cassandra")), (std::vector<std::string>{video_id(1), video_id(2)}));
}

TEST_F(SearchRoutesTest, KeywordFindsTagsWithTheirUnderscoreReadAsASpace) {
  EXPECT_EQ(ids_of(ok("/api/v1/search/videos?query=modeling")), std::vector<std::string>{video_id(1)});
}

TEST_F(SearchRoutesTest, KeywordWithoutAMatchIsAnEmptyPage) {
  const json page = ok("/api/v1/search/videos?query=zeppelin");
  EXPECT_EQ(page["data"], json::array());
  EXPECT_EQ(page["pagination"]["totalItems"], 0);
  EXPECT_EQ(page["pagination"]["totalPages"], 0);
}

TEST_F(SearchRoutesTest, SemanticKeepsOnlyHitsAtOrAboveTheThreshold) {
  // The fake embedder gives the same text the same vector and other texts unrelated ones (~0.5).
  const json page = ok("/api/v1/search/videos?mode=semantic&query=Vector%20search%20explained");
  EXPECT_EQ(ids_of(page), std::vector<std::string>{video_id(2)});
  EXPECT_EQ(page["pagination"]["totalItems"], 1);
  EXPECT_EQ(ok("/api/v1/search/videos?mode=semantic&query=nothing%20like%20it")["data"], json::array());
}

TEST_F(SearchRoutesTest, AVideoRemovedByModerationLeavesBothModesAndARestoreBringsItBack) {
  set_status(video_id(3), "REMOVED", catalog::kVideoRemovedTopic);
  EXPECT_EQ(ok("/api/v1/search/videos?query=starter")["data"], json::array());
  EXPECT_EQ(ok("/api/v1/search/videos?mode=semantic&query=Sourdough%20at%20home")["data"], json::array());
  set_status(video_id(3), "READY", catalog::kVideoRestoredTopic);
  EXPECT_EQ(ids_of(ok("/api/v1/search/videos?query=starter")), std::vector<std::string>{video_id(3)});
}

TEST_F(SearchRoutesTest, AnUpdatedTitleIsSearchableAtOnceAndTheOldOneIsNot) {
  add({video_id(3), "Rye bread masterclass", "A kitchen guide.", {"baking"}}, catalog::kVideoUpdatedTopic);
  EXPECT_EQ(ids_of(ok("/api/v1/search/videos?query=masterclass")), std::vector<std::string>{video_id(3)});
  EXPECT_EQ(ok("/api/v1/search/videos?query=starter")["data"], json::array());
  EXPECT_EQ(ids_of(ok("/api/v1/search/videos?mode=semantic&query=Rye%20bread%20masterclass")),
            std::vector<std::string>{video_id(3)});
}

class SearchPagingTest : public SearchFixture {
 protected:
  void SetUp() override {
    SearchFixture::SetUp();
    for (int n = 1; n <= 25; ++n) add({video_id(n), "Episode " + std::to_string(n), "A lecture on gossip.", {}});
  }
};

TEST_F(SearchPagingTest, TheTotalCountsEveryHitAndAPageIsItsSliceTheSameOnEveryCall) {
  const json second = ok("/api/v1/search/videos?query=gossip&page=2&pageSize=10");
  EXPECT_EQ(second["pagination"], json({{"currentPage", 2}, {"pageSize", 10}, {"totalItems", 25}, {"totalPages", 3}}));
  EXPECT_EQ(second["data"].size(), 10U);
  EXPECT_EQ(ok("/api/v1/search/videos?query=gossip&page=2&pageSize=10"), second);

  std::set<std::string> seen;
  for (int page = 1; page <= 3; ++page) {
    for (const auto& id : ids_of(ok("/api/v1/search/videos?query=gossip&pageSize=10&page=" + std::to_string(page)))) {
      EXPECT_TRUE(seen.insert(id).second) << id << " on two pages";
    }
  }
  EXPECT_EQ(seen.size(), 25U);
  EXPECT_EQ(ok("/api/v1/search/videos?query=gossip&page=4&pageSize=10")["data"], json::array());
}

class SearchThresholdTest : public SearchFixture {
 protected:
  SearchThresholdTest() : SearchFixture({{"similarity_threshold", 0.0}}) {}
};

TEST_F(SearchThresholdTest, TheThresholdComesFromTheConfigBlock) {
  add({video_id(1), "One", "", {}});
  add({video_id(2), "Two", "", {}});
  // At 0 every video is a hit; the exact match ranks first.
  const json page = ok("/api/v1/search/videos?mode=semantic&query=Two");
  EXPECT_EQ(page["pagination"]["totalItems"], 2);
  EXPECT_EQ(page["data"][0]["videoId"], video_id(2));
}

TEST_F(SearchThresholdTest, SemanticPagesAreStableAndCoverEveryHitOnce) {
  for (int n = 1; n <= 25; ++n) add({video_id(n), "Lecture " + std::to_string(n), "", {}});
  const std::string query = "/api/v1/search/videos?mode=semantic&query=Lecture%207&pageSize=10&page=";
  const json second = ok(query + "2");
  EXPECT_EQ(second["pagination"]["totalItems"], 25);
  EXPECT_EQ(ok(query + "2"), second);
  std::set<std::string> seen;
  for (int page = 1; page <= 3; ++page) {
    for (const auto& id : ids_of(ok(query + std::to_string(page)))) EXPECT_TRUE(seen.insert(id).second) << id;
  }
  EXPECT_EQ(seen.size(), 25U);
  EXPECT_EQ(ids_of(ok(query + "1"))[0], video_id(7)) << "the exact title ranks first";
}

TEST(SearchSettingsTest, AThresholdOutsideZeroToOneStopsTheStart) {
  killrvideo::plugin::testing::EngineBackedHost host("search", {{"similarity_threshold", 1.5}});
  EXPECT_THROW(host.load<SearchPlugin>(), std::invalid_argument);
  killrvideo::plugin::testing::EngineBackedHost typed("search", {{"similarity_threshold", "high"}});
  EXPECT_THROW(typed.load<SearchPlugin>(), std::invalid_argument);
}

}  // namespace
}  // namespace killrvideo::search::testing
