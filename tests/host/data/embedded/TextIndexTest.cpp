// Table text indexes: createTextIndex, $match filters and lexical sorts, and the index following every
// write path (data-api-wire §4.2, §4.5).
#include "EngineTestSupport.h"

#include <map>

namespace killrvideo::host::embedded::testing {
namespace {

class TextIndexTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    ASSERT_FALSE(run("", R"({"createTable":{"name":"clips","definition":{"columns":{
        "day":"text","id":"int","title":"text","category":"text","views":"int"},
        "primaryKey":{"partitionBy":["day"],"partitionSort":{"id":1}}}}})"_json).contains("errors"));
  }
  void create_title_index(const std::string& analyzer) {
    ASSERT_EQ(run("clips", {{"createTextIndex", {{"name", "clips_title"},
                                                  {"definition", {{"column", "title"}, {"options", {{"analyzer", analyzer}}}}}}}}),
              R"({"status":{"ok":1}})"_json);
  }
  void insert(const json& documents) {
    ASSERT_FALSE(run("clips", {{"insertMany", {{"documents", documents}}}}).contains("errors"));
  }
  // The ids of the documents a find answers, in order.
  std::vector<int> ids(const nlohmann::ordered_json& find) {
    const json response = run("clips", find);
    EXPECT_FALSE(response.contains("errors")) << response.dump();
    std::vector<int> found;
    for (const auto& document : response["data"]["documents"]) found.push_back(document["id"].get<int>());
    return found;
  }
  std::vector<int> matching(const std::string& terms) {
    return ids({{"find", {{"filter", {{"title", {{"$match", terms}}}}}, {"projection", {{"id", 1}}}}}});
  }
  std::vector<int> ranked(const std::string& terms) {
    return ids({{"find", {{"sort", {{"title", terms}}}, {"projection", {{"id", 1}}}}}});
  }
};

TEST_F(TextIndexTest, CreateListAndDrop) {
  ASSERT_EQ(run("clips", R"({"createTextIndex":{"name":"clips_title","definition":{"column":"title"}}})"_json),
            R"({"status":{"ok":1}})"_json);
  EXPECT_EQ(run("clips", R"({"listIndexes":{"options":{"explain":true}}})"_json),
            R"({"status":{"indexes":[{"name":"clips_title","definition":{"column":"title","options":{"analyzer":"standard"}},
               "indexType":"text"}]}})"_json);
  EXPECT_EQ(run("clips", R"({"createTextIndex":{"name":"clips_title","definition":{"column":"title"},
      "options":{"ifNotExists":true}}})"_json), R"({"status":{"ok":1}})"_json);
  expect_error(run("clips", R"({"createTextIndex":{"name":"clips_title","definition":{"column":"title"}}})"_json), "SCHEMA",
               "CANNOT_ADD_EXISTING_INDEX", "Index with the same name exists in the keyspace schema");
  EXPECT_EQ(run("", R"({"dropIndex":{"name":"clips_title"}})"_json), R"({"status":{"ok":1}})"_json);
  EXPECT_EQ(run("clips", R"({"listIndexes":{}})"_json), R"({"status":{"indexes":[]}})"_json);
  expect_error(run("clips", R"({"find":{"filter":{"title":{"$match":"cat"}}}})"_json), "FILTER",
               "CANNOT_LEXICAL_FILTER_NON_INDEXED_COLUMNS", "Lexical filter used on a column without a text index");
}

TEST_F(TextIndexTest, ARegularIndexNamedLikeTheTextIndexStorageCoexists) {
  ASSERT_EQ(run("clips", R"({"createIndex":{"name":"text_clips_title","definition":{"column":"category"}}})"_json),
            R"({"status":{"ok":1}})"_json);
  create_title_index("standard");
  insert(R"([{"day":"d","id":1,"title":"alpha","category":"c"}])"_json);
  EXPECT_EQ(matching("alpha"), (std::vector<int>{1}));
  EXPECT_EQ(ids(R"({"find":{"filter":{"category":"c"},"projection":{"id":1}}})"_json), (std::vector<int>{1}));
}

TEST_F(TextIndexTest, CreateRefusesWhatItCannotIndex) {
  expect_error(run("clips", R"({"createTextIndex":{"name":"v","definition":{"column":"views"}}})"_json), "SCHEMA",
               "UNSUPPORTED_TEXT_INDEX_FOR_DATA_TYPES", "Text index not supported by data types");
  expect_error(run("clips", R"({"createTextIndex":{"name":"t","definition":{"column":"title","options":{"analyzer":"klingon"}}}})"_json),
               "SCHEMA", "INVALID_TEXT_INDEX_ANALYZER", "Text index analyzer is not valid");
  const json misplaced = run("clips", R"({"createTextIndex":{"name":"t","definition":{"column":"title","analyzer":"english"}}})"_json);
  expect_error(misplaced, "", "COMMAND_FIELD_UNKNOWN", "Command field unknown");
  EXPECT_NE(misplaced.dump().find("definition.options.analyzer"), std::string::npos);
  expect_error(run("clips", R"({"createTextIndex":{"name":"t","definition":{"column":"nope"}}})"_json), "SCHEMA",
               "UNKNOWN_INDEX_COLUMN", "Index column is not defined in the table schema");
  EXPECT_EQ(run("clips", R"({"listIndexes":{}})"_json), R"({"status":{"indexes":[]}})"_json);
}

TEST_F(TextIndexTest, MatchNeedsEveryTermAndCombinesWithOtherKeys) {
  create_title_index("standard");
  insert(R"([{"day":"d","id":1,"title":"Cats and Dogs","category":"pets"},
             {"day":"d","id":2,"title":"cats, only cats!","category":"pets"},
             {"day":"d","id":3,"title":"Dogs at work","category":"work"},
             {"day":"d","id":4,"title":"catalogue","category":"work"}])"_json);
  EXPECT_EQ(matching("cats"), (std::vector<int>{1, 2}));
  EXPECT_EQ(matching("DOGS cats"), (std::vector<int>{1}));
  EXPECT_EQ(matching("dogs-cats"), (std::vector<int>{1}));  // separators split terms, as the analyzer does
  EXPECT_EQ(matching("\"cats\" OR NEAR(dogs)"), (std::vector<int>{}));  // no query syntax: every word is a term
  EXPECT_EQ(matching("   "), (std::vector<int>{}));
  EXPECT_EQ(ids(R"({"find":{"filter":{"title":{"$match":"dogs"},"category":"work"},"projection":{"id":1}}})"_json),
            (std::vector<int>{3}));
  EXPECT_EQ(ids(R"({"find":{"filter":{"$or":[{"title":{"$match":"work"}},{"id":2}]},"projection":{"id":1}}})"_json),
            (std::vector<int>{2, 3}));
  expect_error(run("clips", R"({"find":{"filter":{"category":{"$match":"pets"}}}})"_json), "FILTER",
               "CANNOT_LEXICAL_FILTER_NON_INDEXED_COLUMNS", "Lexical filter used on a column without a text index");
  expect_error(run("clips", R"({"find":{"filter":{"title":{"$match":7}}}})"_json), "FILTER", "INVALID_FILTER_COLUMN_VALUES",
               "Column value in filter is not valid");
}

TEST_F(TextIndexTest, EnglishAnalyzerStemsAndStandardDoesNot) {
  insert(R"([{"day":"d","id":1,"title":"Running with the wolves"},{"day":"d","id":2,"title":"run"}])"_json);
  create_title_index("standard");
  EXPECT_EQ(matching("run"), (std::vector<int>{2}));
  EXPECT_EQ(matching("the run"), (std::vector<int>{}));  // standard keeps stop words
  run("", R"({"dropIndex":{"name":"clips_title"}})"_json);
  create_title_index("english");
  EXPECT_EQ(matching("run"), (std::vector<int>{1, 2}));
  EXPECT_EQ(matching("runs"), (std::vector<int>{1, 2}));
  EXPECT_EQ(matching("running with THE wolves"), (std::vector<int>{1}));
  EXPECT_EQ(matching("the run"), (std::vector<int>{1, 2}));  // english drops stop words from the query
  EXPECT_EQ(matching("the"), (std::vector<int>{}));
}

// Past 32,768 rows a lexical sort ranks rowid ranges on several readers at once (LexicalRanking.h); the
// answer must not show where the ranges were cut. Equal titles score alike and go by rowid (insertion order).
TEST_F(TextIndexTest, ALargeTableRankedInRangesAnswersAsOneRangeWould) {
  create_title_index("standard");
  const std::map<int, std::string> matching_titles = {{5, "cat cat"},    {10, "cat dog"},    {15000, "cat cat"},
                                                      {20005, "cat cat"}, {30010, "cat dog"}, {39000, "cat dog"}};
  for (int first = 0; first < 40000; first += 100) {
    json documents = json::array();
    for (int id = first; id < first + 100; ++id) {
      const auto title = matching_titles.find(id);
      documents.push_back({{"day", "d"}, {"id", id}, {"title", title != matching_titles.end() ? title->second : "dog dog"}});
    }
    insert(documents);
  }
  EXPECT_EQ(ranked("cat"), (std::vector<int>{5, 15000, 20005, 10, 30010, 39000}));
  EXPECT_EQ(ids(R"({"find":{"sort":{"title":"cat"},"projection":{"id":1},"options":{"limit":4}}})"_json),
            (std::vector<int>{5, 15000, 20005, 10}));
}

TEST_F(TextIndexTest, LexicalSortRanksByBm25) {
  create_title_index("standard");
  insert(R"([{"day":"d","id":1,"title":"cat","category":"a"},
             {"day":"d","id":2,"title":"a long story that mentions a cat once among many other words","category":"b"},
             {"day":"d","id":3,"title":"cat cat","category":"a"},
             {"day":"d","id":4,"title":"dog","category":"a"}])"_json);
  EXPECT_EQ(ranked("cat"), (std::vector<int>{3, 1, 2}));
  EXPECT_EQ(ids(R"({"find":{"sort":{"title":"cat"},"projection":{"id":1},"options":{"limit":2}}})"_json),
            (std::vector<int>{3, 1}));
  // Larger limits are capped at 1000, as the Data API does, not refused.
  EXPECT_EQ(ids(R"({"find":{"sort":{"title":"cat"},"projection":{"id":1},"options":{"limit":5000}}})"_json),
            (std::vector<int>{3, 1, 2}));
  EXPECT_EQ(ids(R"({"find":{"sort":{"title":"cat"},"filter":{"category":"b"},"projection":{"id":1}}})"_json),
            (std::vector<int>{2}));
  EXPECT_EQ(ids(R"({"find":{"sort":{"title":"cat"},"filter":{"title":{"$match":"once"}},"projection":{"id":1}}})"_json),
            (std::vector<int>{2}));
  const json one = run("clips", R"({"findOne":{"sort":{"title":"cat"},"projection":{"id":1}}})"_json);
  EXPECT_EQ(one["data"]["document"], R"({"id":3})"_json);
  const json page = run("clips", R"({"find":{"sort":{"title":"cat dog"},"projection":{"id":1}}})"_json);
  EXPECT_EQ(page["data"], R"({"documents":[],"nextPageState":null})"_json);
  EXPECT_EQ(warning_codes(page), (std::vector<std::string>{"ZERO_FILTER_OPERATIONS"}));
}

// Rows are read best first until `limit` of them pass the filter, stored in an order unlike their rank.
TEST_F(TextIndexTest, AFilteredLexicalSortReadsUntilTheLimitPasses) {
  create_title_index("standard");
  json documents = json::array();
  for (int id = 12; id >= 1; --id) {  // stored in the reverse of their rank
    std::string title = "cat";
    for (int word = 0; word < id; ++word) title += " dog";  // longer, so ranked lower
    documents.push_back({{"day", "d"}, {"id", id}, {"title", title}, {"category", id % 3 == 0 ? "b" : "a"}});
  }
  insert(documents);
  EXPECT_EQ(ranked("cat"), (std::vector<int>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}));
  EXPECT_EQ(ids(R"({"find":{"sort":{"title":"cat"},"filter":{"category":"b"},"projection":{"id":1},"options":{"limit":3}}})"_json),
            (std::vector<int>{3, 6, 9}));
  EXPECT_EQ(ids(R"({"find":{"sort":{"title":"cat"},"filter":{"category":"a"},"projection":{"id":1},"options":{"limit":5}}})"_json),
            (std::vector<int>{1, 2, 4, 5, 7}));
}

// A read of 256 rows or more is read on several threads in chunks they claim: the answer keeps rank order and
// the filter. Equal titles score alike and rank by rowid, here an order unlike the ids'.
TEST_F(TextIndexTest, AManyRowFilteredLexicalSortKeepsRankOrderAcrossThreads) {
  create_title_index("standard");
  std::vector<int> expected;
  for (int first = 0; first < 1200; first += 100) {  // insertMany takes 100 documents at most
    json documents = json::array();
    for (int stored = first; stored < first + 100; ++stored) {
      const int id = (stored * 7919) % 1200;
      const bool passes = id % 3 != 0;
      documents.push_back({{"day", "d"}, {"id", id}, {"title", "cat"}, {"category", passes ? "a" : "b"}});
      if (passes && expected.size() < 700) expected.push_back(id);
    }
    insert(documents);
  }
  EXPECT_EQ(ids(R"({"find":{"sort":{"title":"cat"},"filter":{"category":"a"},"projection":{"id":1},"options":{"limit":700}}})"_json),
            expected);
}

TEST_F(TextIndexTest, LexicalSortErrors) {
  create_title_index("standard");
  expect_error(run("clips", R"({"find":{"sort":{"category":"cat"}}})"_json), "SORT",
               "CANNOT_LEXICAL_SORT_NON_INDEXED_COLUMNS", "Lexical sort used on a column without a text index");
  expect_error(run("clips", R"({"find":{"sort":{"title":"cat","id":1}}})"_json), "SORT",
               "CANNOT_SORT_ON_SPECIAL_WITH_OTHERS", "Special sort combined with other sort expressions");
  expect_error(run("clips", R"({"find":{"sort":{"title":"cat"},"options":{"skip":1}}})"_json), "SORT",
               "CANNOT_LEXICAL_SORT_WITH_SKIP_OPTION", "Skip option cannot be used with lexical sort");
  expect_error(run("clips", R"({"find":{"sort":{"missing":"cat"}}})"_json), "SORT", "CANNOT_SORT_UNKNOWN_COLUMNS",
               "Sorted columns are not defined in the table schema");
}

TEST_F(TextIndexTest, IndexFollowsEveryWritePath) {
  create_title_index("standard");
  insert(R"([{"day":"d","id":1,"title":"alpha"},{"day":"d","id":2,"title":"alpha beta"},{"day":"e","id":3,"title":"alpha"}])"_json);
  EXPECT_EQ(matching("alpha"), (std::vector<int>{1, 2, 3}));
  insert(R"([{"day":"d","id":1,"title":"gamma"}])"_json);  // upsert replaces the text
  EXPECT_EQ(matching("alpha"), (std::vector<int>{2, 3}));
  EXPECT_EQ(matching("gamma"), (std::vector<int>{1}));
  insert(R"([{"day":"d","id":1,"views":3}])"_json);  // upsert of other columns keeps it
  EXPECT_EQ(matching("gamma"), (std::vector<int>{1}));
  run("clips", R"({"updateOne":{"filter":{"day":"d","id":2},"update":{"$set":{"title":"delta"}}}})"_json);
  EXPECT_EQ(matching("alpha"), (std::vector<int>{3}));
  EXPECT_EQ(matching("delta"), (std::vector<int>{2}));
  run("clips", R"({"updateOne":{"filter":{"day":"d","id":2},"update":{"$unset":{"title":""}}}})"_json);
  EXPECT_EQ(matching("delta"), (std::vector<int>{}));
  run("clips", R"({"deleteOne":{"filter":{"day":"d","id":1}}})"_json);
  EXPECT_EQ(matching("gamma"), (std::vector<int>{}));
  insert(R"([{"day":"d","id":5,"title":"alpha"}])"_json);
  run("clips", R"({"deleteMany":{"filter":{"day":"e"}}})"_json);
  EXPECT_EQ(matching("alpha"), (std::vector<int>{5}));
  reopen();
  EXPECT_EQ(matching("alpha"), (std::vector<int>{5}));
  run("clips", R"({"deleteMany":{"filter":{}}})"_json);
  EXPECT_EQ(matching("alpha"), (std::vector<int>{}));
  insert(R"([{"day":"d","id":6,"title":"alpha"}])"_json);
  EXPECT_EQ(matching("alpha"), (std::vector<int>{6}));
}

TEST_F(TextIndexTest, IndexIsBuiltForRowsAlreadyStored) {
  insert(R"([{"day":"d","id":1,"title":"old news"},{"day":"d","id":2},{"day":"d","id":3,"title":"news today"}])"_json);
  create_title_index("standard");
  EXPECT_EQ(matching("news"), (std::vector<int>{1, 3}));
  EXPECT_EQ(ranked("old news"), (std::vector<int>{1}));
}

TEST_F(TextIndexTest, DropTableDropsItsTextIndexes) {
  create_title_index("standard");
  insert(R"([{"day":"d","id":1,"title":"alpha"}])"_json);
  EXPECT_EQ(run("", R"({"dropTable":{"name":"clips"}})"_json), R"({"status":{"ok":1}})"_json);
  SetUp();
  create_title_index("english");
  EXPECT_EQ(matching("alpha"), (std::vector<int>{}));
}

}  // namespace
}  // namespace killrvideo::host::embedded::testing
