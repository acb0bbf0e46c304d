// #20 on the real engine: suggestions over every video's tags, kept by the catalog's events, at a cost
// that does not grow with the number of videos.

#include "SearchFixture.h"
#include "TagIndex.h"

namespace killrvideo::search::testing {
namespace {

using nlohmann::json;

TEST(TagGramsTest, EveryPieceOfOneToThreeBytesOfTheLowercasedTagOnce) {
  EXPECT_EQ(grams_of("Abab"), (std::vector<std::string>{"a", "ab", "aba", "b", "ba", "bab"}));
  EXPECT_EQ(grams_of("x"), std::vector<std::string>{"x"});
}

class TagIndexTest : public SearchFixture {
 protected:
  void SetUp() override {
    SearchFixture::SetUp();
    add({video_id(1), "One", "", {"cassandra", "Data_Modeling"}});
    add({video_id(2), "Two", "", {"cassandra", "vector"}});
    add({video_id(3), "Three", "", {"Apache_Cassandra", "cql"}});
  }
  json suggest(const std::string& query, const std::string& extra = "") {
    return ok("/api/v1/search/tags/suggest?query=" + query + extra);
  }
};

TEST_F(TagIndexTest, TagsContainingTheQueryInAnyCaseComeBackAlphabeticallyOnce) {
  EXPECT_EQ(suggest("CASS"), json({{{"tag", "Apache_Cassandra"}}, {{"tag", "cassandra"}}}));
  EXPECT_EQ(suggest("a"), json({{{"tag", "Apache_Cassandra"}}, {{"tag", "Data_Modeling"}}, {{"tag", "cassandra"}}}))
      << "byte order: capitals first, as the reference's sorted()";
  EXPECT_EQ(suggest("modeling"), json({{{"tag", "Data_Modeling"}}}));
  EXPECT_EQ(suggest("sandra"), json({{{"tag", "Apache_Cassandra"}}, {{"tag", "cassandra"}}}));
  EXPECT_EQ(suggest("zzz"), json::array());
}

TEST_F(TagIndexTest, TheLimitIsHonoured) {
  EXPECT_EQ(suggest("a", "&limit=1"), json({{{"tag", "Apache_Cassandra"}}}));
  EXPECT_EQ(suggest("a", "&limit=2").size(), 2U);
}

TEST_F(TagIndexTest, ATagLeavesWhenItsLastVideoIsRemovedOrRetaggedAndComesBackWithIt) {
  set_status(video_id(3), "REMOVED", catalog::kVideoRemovedTopic);
  EXPECT_EQ(suggest("cql"), json::array());
  EXPECT_EQ(suggest("cass"), json({{{"tag", "cassandra"}}})) << "cassandra is still on two videos";
  set_status(video_id(3), "READY", catalog::kVideoRestoredTopic);
  EXPECT_EQ(suggest("cql"), json({{{"tag", "cql"}}}));

  add({video_id(2), "Two", "", {"cassandra"}}, catalog::kVideoUpdatedTopic);
  EXPECT_EQ(suggest("vec"), json::array());
  add({video_id(2), "Two", "", {"cassandra", "vector"}}, catalog::kVideoUpdatedTopic);
  EXPECT_EQ(suggest("vec"), json({{{"tag", "vector"}}}));
}

TEST_F(TagIndexTest, ARepeatedEventCountsNothingTwice) {
  add({video_id(2), "Two", "", {"cassandra", "vector"}}, catalog::kVideoUpdatedTopic);
  set_status(video_id(2), "REMOVED", catalog::kVideoRemovedTopic);
  EXPECT_EQ(suggest("vec"), json::array()) << "vector was counted once, so one removal takes it out";
}

TEST_F(TagIndexTest, AQueryLongerThanAnyTagReadsNothing) {
  host_.take_calls();
  EXPECT_EQ(suggest(std::string(kMaxSuggestQueryBytes + 1, 'a')), json::array());
  EXPECT_TRUE(host_.take_calls().empty());
}

class TagSuggestionCostTest : public SearchFixture {};

TEST_F(TagSuggestionCostTest, ASuggestionReadsTheSameCommandsAtTwentyVideosAndAtTwoThousand) {
  const auto commands_for_suggestion = [&] {
    host_.take_calls();
    const json found = ok("/api/v1/search/tags/suggest?query=topic&limit=5");
    EXPECT_EQ(found.size(), 5U);
    return host_.take_calls().size();
  };
  int next = 1;
  const auto add_videos = [&](int count) {
    for (int i = 0; i < count; ++i, ++next) {
      add({video_id(next), "V", "", {"topic" + std::to_string(next % 10), "misc"}});
    }
  };
  add_videos(20);
  const std::size_t at_twenty = commands_for_suggestion();
  add_videos(1980);
  const std::size_t at_two_thousand = commands_for_suggestion();
  EXPECT_EQ(at_twenty, at_two_thousand);
  EXPECT_LE(at_two_thousand, 2U) << "one page of the piece's partition and one $in of its counts";
}

}  // namespace
}  // namespace killrvideo::search::testing
