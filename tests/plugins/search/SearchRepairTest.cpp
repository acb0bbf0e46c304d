// The recount behind killrvideo-load --recount: search rows and tag counts put wrong behind the plugin's
// back are rebuilt from the catalog's videos.

#include "SearchFixture.h"
#include "SearchTables.h"

namespace killrvideo::search::testing {
namespace {

using nlohmann::json;

class SearchRepairTest : public SearchFixture {
 protected:
  void SetUp() override {
    SearchFixture::SetUp();
    add({video_id(1), "Gossip protocols", "How nodes learn about each other.", {"cassandra"}});
    add({video_id(2), "Compaction", "Merging sstables.", {"cassandra", "storage"}});
  }
};

TEST_F(SearchRepairTest, ANewStoreNeedsNoCorrection) { EXPECT_TRUE(host_.fake().run_recount("search_index").empty()); }

TEST_F(SearchRepairTest, MissingRowsOrphansAndWrongCountsAreRebuilt) {
  // A video the catalog stored while search was disabled, a search row of a video the catalog no
  // longer has, and a count knocked off.
  host_.execute(catalog::kVideosTable,
                {{"insertOne", {{"document", {{"videoid", video_id(3)}, {"name", "Hinted handoff"}, {"tags", {"repair"}}}}}}});
  host_.execute(kVideoTextTable,
                {{"insertOne", {{"document", {{"videoid", video_id(9)}, {kVideoTextColumn, "ghost"}, {"tags", {"ghost"}}}}}}});
  host_.execute(kTagCountsCollection, {{"updateOne", {{"filter", {{"_id", "cassandra"}}}, {"update", {{"$set", {{"videos", 7}}}}}}}});

  const auto corrections = host_.fake().run_recount("search_index");
  EXPECT_EQ(corrections, (std::vector<std::string>{
                             "video_text " + video_id(3) + ": re-indexed",
                             "video_text " + video_id(9) + ": removed, the catalog has no such video",
                             "tag_counts cassandra: 7 -> 2",
                         }));
  EXPECT_EQ(ids_of(ok("/api/v1/search/videos?query=handoff")), std::vector<std::string>{video_id(3)});
  EXPECT_EQ(ok("/api/v1/search/videos?query=ghost")["data"], json::array());
  EXPECT_EQ(ok("/api/v1/search/tags/suggest?query=rep"), json({{{"tag", "repair"}}}));
  EXPECT_TRUE(host_.fake().run_recount("search_index").empty()) << "a second run finds nothing to correct";
}

}  // namespace
}  // namespace killrvideo::search::testing
