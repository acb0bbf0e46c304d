// Table find/findOne: projection, filters and their warnings, sorts, paging (data-api-wire §4.2, §7).
#include "EngineTestSupport.h"

namespace killrvideo::host::embedded::testing {
namespace {

constexpr const char* kVideo = "1b0b5c3e-7a5e-4c4f-9d0a-3f2e1d0c9b8a";

class TableReadsTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    create_videos_table();
    create_latest_videos_table();
  }
  // Rows 0..count-1 of one day, added a minute apart; videoid ends with the row number.
  void insert_day(const std::string& day, int count) {
    for (int first = 0; first < count; first += 100) {
      json documents = json::array();
      for (int i = first; i < std::min(count, first + 100); ++i) {
        char videoid[40], added[40];
        std::snprintf(videoid, sizeof videoid, "00000000-0000-4000-8000-%012d", i);
        std::snprintf(added, sizeof added, "%sT%02d:%02d:00Z", day.c_str(), i / 60 % 24, i % 60);
        documents.push_back({{"day", day}, {"added_date", added}, {"videoid", videoid}, {"name", "video " + std::to_string(i)}});
      }
      ASSERT_FALSE(run("latest_videos", {{"insertMany", {{"documents", documents}}}}).contains("errors"));
    }
  }
};

TEST_F(TableReadsTest, FindOneByPrimaryKeyWithProjection) {
  run("videos", {{"insertOne", {{"document", {{"videoid", kVideo}, {"name", "Intro to Vector Search"}, {"views", 0}}}}}});
  EXPECT_EQ(run("videos", R"({"findOne":{"filter":{"videoid":"1b0b5c3e-7a5e-4c4f-9d0a-3f2e1d0c9b8a"},
      "projection":{"videoid":1,"name":1,"views":1,"description":1}}})"_json),
            R"({"data":{"document":{"videoid":"1b0b5c3e-7a5e-4c4f-9d0a-3f2e1d0c9b8a","name":"Intro to Vector Search","views":0}},
               "status":{"projectionSchema":{"videoid":{"type":"uuid"},"name":{"type":"text"},
               "views":{"type":"bigint"},"description":{"type":"text"}}}})"_json);
}

TEST_F(TableReadsTest, FindOneMissAnswersNullDocument) {
  EXPECT_EQ(run("videos", R"({"findOne":{"filter":{"videoid":"00000000-0000-4000-8000-000000000000"},"projection":{"name":1}}})"_json),
            R"({"data":{"document":null},"status":{"projectionSchema":{"name":{"type":"text"}}}})"_json);
}

TEST_F(TableReadsTest, PartitionSortIsPageableAndWarningFree) {
  run("latest_videos", R"({"insertMany":{"documents":[
      {"day":"2025-06-01","added_date":"2025-06-01T10:15:00Z","videoid":"1b0b5c3e-7a5e-4c4f-9d0a-3f2e1d0c9b8a","name":"Intro to Vector Search"},
      {"day":"2025-06-01","added_date":"2025-06-01T18:02:11.250Z","videoid":"9c000000-0000-4000-8000-000000000000","name":"Cassandra 5 tour"},
      {"day":"2025-06-02","added_date":"2025-06-02T08:00:00Z","videoid":"77aa0000-0000-4000-8000-000000000000","name":"Other day"}]}})"_json);
  EXPECT_EQ(run("latest_videos", R"({"find":{"filter":{"day":"2025-06-01"},"sort":{"added_date":-1},"options":{"limit":10}}})"_json),
            R"({"data":{"documents":[
               {"day":"2025-06-01","added_date":"2025-06-01T18:02:11.250Z","videoid":"9c000000-0000-4000-8000-000000000000","name":"Cassandra 5 tour"},
               {"day":"2025-06-01","added_date":"2025-06-01T10:15:00Z","videoid":"1b0b5c3e-7a5e-4c4f-9d0a-3f2e1d0c9b8a","name":"Intro to Vector Search"}],
               "nextPageState":null},
              "status":{"projectionSchema":{"day":{"type":"date"},"added_date":{"type":"timestamp"},
               "videoid":{"type":"uuid"},"name":{"type":"text"}}}})"_json);
  const json ascending = run("latest_videos", R"({"find":{"filter":{"day":"2025-06-01"},"sort":{"added_date":1},"projection":{"name":1}}})"_json);
  EXPECT_EQ(ascending["data"]["documents"], R"([{"name":"Intro to Vector Search"},{"name":"Cassandra 5 tour"}])"_json);
  EXPECT_TRUE(warning_codes(ascending).empty());
}

TEST_F(TableReadsTest, SortWithoutPartitionKeyIsInMemoryWithWarnings) {
  insert_day("2025-06-01", 3);
  insert_day("2025-06-02", 3);
  const json response = run("latest_videos", R"({"find":{"sort":{"added_date":-1},"projection":{"added_date":1}}})"_json);
  EXPECT_EQ(warning_codes(response),
            (std::vector<std::string>{"ZERO_FILTER_OPERATIONS", "IN_MEMORY_SORTING_DUE_TO_PARTITION_KEY_NOT_RESTRICTED"}));
  EXPECT_EQ(response["status"]["sortedRowCount"], 6);
  EXPECT_EQ(response["data"]["nextPageState"], nullptr);
  EXPECT_EQ(response["data"]["documents"][0], R"({"added_date":"2025-06-02T00:02:00Z"})"_json);
  EXPECT_EQ(response["data"]["documents"].size(), 6U);
}

TEST_F(TableReadsTest, InMemorySortReturnsOnePageOfAtMostMinLimitPageSize) {
  insert_day("2025-06-01", 120);
  const json by_name = run("latest_videos", R"({"find":{"filter":{"day":"2025-06-01"},"sort":{"name":1},"projection":{"name":1}}})"_json);
  EXPECT_EQ(warning_codes(by_name), std::vector<std::string>{"IN_MEMORY_SORTING_DUE_TO_NON_PARTITION_SORTING"});
  EXPECT_EQ(by_name["data"]["documents"].size(), 50U);
  EXPECT_EQ(by_name["data"]["documents"][0], R"({"name":"video 0"})"_json);
  EXPECT_EQ(by_name["data"]["documents"][2], R"({"name":"video 10"})"_json);
  EXPECT_EQ(by_name["status"]["sortedRowCount"], 120);
  EXPECT_EQ(by_name["data"]["nextPageState"], nullptr);
  const json skipped = run("latest_videos", R"({"find":{"filter":{"day":"2025-06-01"},"options":{"skip":118,"limit":5},"projection":{"name":1}}})"_json);
  EXPECT_EQ(warning_codes(skipped), std::vector<std::string>{"IN_MEMORY_SORTING_DUE_SKIP_OPTIONS"});
  EXPECT_EQ(skipped["data"]["documents"], R"([{"name":"video 1"},{"name":"video 0"}])"_json);
  expect_error(run("latest_videos", R"({"find":{"filter":{"day":"2025-06-01"},"sort":{"name":1},"options":{"pageState":"abc="}}})"_json),
               "SORT", "UNSUPPORTED_PAGINATION_WITH_IN_MEMORY_SORTING", "Pagination not supported when using in-memory sorting");
}

TEST_F(TableReadsTest, InMemorySortScansAtMostTenThousandRows) {
  insert_day("2025-06-01", 10001);
  expect_error(run("latest_videos", R"({"find":{"sort":{"name":1}}})"_json), "SORT", "OVERLOADED_SORT_ROW_LIMIT",
               "Sort aborted due to in-memory sort restriction");
}

TEST_F(TableReadsTest, PagesFollowNextPageStateAndLimitCapsTheTotal) {
  insert_day("2025-06-01", 120);
  const json find = R"({"find":{"filter":{"day":"2025-06-01"},"projection":{"videoid":1}}})"_json;
  std::vector<std::size_t> sizes;
  json state = nullptr;
  std::set<std::string> seen;
  do {
    json command = find;
    if (!state.is_null()) command["find"]["options"]["pageState"] = state;
    const json page = run("latest_videos", command);
    ASSERT_TRUE(page.contains("data")) << page.dump();
    for (const auto& row : page["data"]["documents"]) seen.insert(row["videoid"].get<std::string>());
    sizes.push_back(page["data"]["documents"].size());
    state = page["data"]["nextPageState"];
  } while (!state.is_null());
  EXPECT_EQ(sizes, (std::vector<std::size_t>{50, 50, 20}));
  EXPECT_EQ(seen.size(), 120U);

  json limited = R"({"find":{"filter":{"day":"2025-06-01"},"options":{"limit":60}}})"_json;
  const json first = run("latest_videos", limited);
  limited["find"]["options"]["pageState"] = first["data"]["nextPageState"];
  const json second = run("latest_videos", limited);
  EXPECT_EQ(second["data"]["documents"].size(), 10U);
  EXPECT_EQ(second["data"]["nextPageState"], nullptr);
}

TEST_F(TableReadsTest, PageStateIsBoundToItsQuery) {
  insert_day("2025-06-01", 60);
  const json first = run("latest_videos", R"({"find":{"filter":{"day":"2025-06-01"}}})"_json);
  const std::string state = first["data"]["nextPageState"];
  for (const char c : state) EXPECT_TRUE(c > 32 && c < 127);
  json other = R"({"find":{"filter":{"day":"2025-06-02"}}})"_json;
  other["find"]["options"]["pageState"] = state;
  expect_error(run("latest_videos", other), "", "COMMAND_FIELD_VALUE_INVALID", "Command field value invalid");
  EXPECT_EQ(run("latest_videos", R"({"find":{"filter":{"day":"2025-06-01"},"options":{"pageState":""}}})"_json), first);
}

// astra-db-ts adds "includeSortVector":false from the second page on; other clients change the projection.
TEST_F(TableReadsTest, PageStateSurvivesOptionsAndProjectionChangedBetweenPages) {
  insert_day("2025-06-01", 70);
  const json first = run("latest_videos", R"({"find":{"filter":{"day":"2025-06-01"},"projection":{"videoid":1}}})"_json);
  json next = R"({"find":{"filter":{"day":"2025-06-01"},"projection":{"name":1},
      "options":{"includeSortVector":false,"includeSimilarity":false}}})"_json;
  next["find"]["options"]["pageState"] = first["data"]["nextPageState"];
  const json second = run("latest_videos", next);
  ASSERT_TRUE(second.contains("data")) << second.dump();
  ASSERT_EQ(second["data"]["documents"].size(), 20U);
  EXPECT_EQ(second["data"]["documents"][0], R"({"name":"video 19"})"_json);  // newest first: the 51st of 70
  json reordered = R"({"find":{"filter":{"day":"2025-06-01"},"sort":{"added_date":1}}})"_json;
  reordered["find"]["options"]["pageState"] = first["data"]["nextPageState"];
  expect_error(run("latest_videos", reordered), "", "COMMAND_FIELD_VALUE_INVALID", "Command field value invalid");
}

TEST_F(TableReadsTest, PageSizeIsConfigurable) {
  insert_day("2025-06-01", 30);
  reopen(20);
  EXPECT_EQ(run("latest_videos", R"({"find":{"filter":{"day":"2025-06-01"}}})"_json)["data"]["documents"].size(), 20U);
}

TEST_F(TableReadsTest, FilterWarnings) {
  run("videos", {{"insertOne", {{"document", {{"videoid", kVideo}, {"category", "education"}, {"name", "n"}}}}}});
  const json e11 = run("videos", R"({"find":{"filter":{"category":"education"},"projection":{"videoid":1},"options":{"limit":5}}})"_json);
  EXPECT_EQ(e11["data"], R"({"documents":[{"videoid":"1b0b5c3e-7a5e-4c4f-9d0a-3f2e1d0c9b8a"}],"nextPageState":null})"_json);
  ASSERT_EQ(warning_codes(e11), std::vector<std::string>{"MISSING_INDEX"});
  EXPECT_EQ(e11["status"]["warnings"][0]["title"], "Filter includes columns that are not indexed");
  EXPECT_EQ(warning_codes(run("videos", R"({"find":{}})"_json)), std::vector<std::string>{"ZERO_FILTER_OPERATIONS"});
  EXPECT_TRUE(warning_codes(run("videos", R"({"find":{"filter":{"userid":"5f1d0e2c-0a4b-4e8f-b1c2-d3e4f5a6b7c8"}}})"_json)).empty());
  EXPECT_EQ(warning_codes(run("videos", R"({"find":{"filter":{"userid":{"$ne":"5f1d0e2c-0a4b-4e8f-b1c2-d3e4f5a6b7c8"}}}})"_json)),
            std::vector<std::string>{"NOT_EQUALS_UNSUPPORTED_BY_INDEXING"});
  EXPECT_EQ(warning_codes(run("latest_videos", R"({"find":{"filter":{"videoid":"1b0b5c3e-7a5e-4c4f-9d0a-3f2e1d0c9b8a"}}})"_json)),
            std::vector<std::string>{"INCOMPLETE_PRIMARY_KEY_FILTER"});
}

TEST_F(TableReadsTest, FilterOperators) {
  insert_day("2025-06-01", 10);
  auto names = [&](const json& filter) {
    std::vector<std::string> found;
    const json response = run("latest_videos", {{"find", {{"filter", filter}, {"projection", {{"name", 1}}}}}});
    for (const auto& row : response["data"]["documents"]) found.push_back(row["name"]);
    std::sort(found.begin(), found.end());
    return found;
  };
  using names_t = std::vector<std::string>;
  EXPECT_EQ(names(R"({"name":{"$in":["video 1","video 3","nope"]}})"_json), (names_t{"video 1", "video 3"}));
  EXPECT_EQ(names(R"({"day":"2025-06-01","added_date":{"$gte":"2025-06-01T00:08:00Z"}})"_json), (names_t{"video 8", "video 9"}));
  EXPECT_EQ(names(R"({"day":"2025-06-01","added_date":{"$lt":"2025-06-01T02:01:00+02:00"}})"_json), (names_t{"video 0"}));
  EXPECT_EQ(names(R"({"name":{"$nin":["video 0","video 1","video 2","video 3","video 4","video 5","video 6","video 7"]}})"_json),
            (names_t{"video 8", "video 9"}));
  EXPECT_EQ(names(R"({"$or":[{"name":"video 2"},{"name":"video 4"}]})"_json), (names_t{"video 2", "video 4"}));
  EXPECT_EQ(names(R"({"name":{"$ne":"video 0"},"added_date":{"$lte":"2025-06-01T00:01:00Z"}})"_json), (names_t{"video 1"}));
  expect_error(run("latest_videos", R"({"find":{"filter":{"colour":"red"}}})"_json), "FILTER", "UNKNOWN_TABLE_COLUMNS",
               "Columns in the filter are not defined in the table schema");
  expect_error(run("latest_videos", R"({"find":{"filter":{"day":"June"}}})"_json), "FILTER", "INVALID_FILTER_COLUMN_VALUES",
               "Column value in filter is not valid");
}

TEST_F(TableReadsTest, SetColumnsFilterByMembership) {
  run("videos", {{"insertOne", {{"document", {{"videoid", kVideo}, {"tags", {"ai", "databases"}}}}}}});
  EXPECT_EQ(run("videos", R"({"find":{"filter":{"tags":{"$in":["ai","cooking"]}},"projection":{"videoid":1}}})"_json)["data"]["documents"].size(), 1U);
  EXPECT_EQ(run("videos", R"({"find":{"filter":{"tags":{"$all":["ai","cooking"]}},"projection":{"videoid":1}}})"_json)["data"]["documents"].size(), 0U);
  EXPECT_EQ(run("videos", R"({"find":{"filter":{"tags":{"$nin":["cooking"]}},"projection":{"videoid":1}}})"_json)["data"]["documents"].size(), 1U);
}

TEST_F(TableReadsTest, Projections) {
  run("videos", {{"insertOne", {{"document", {{"videoid", kVideo}, {"name", "n"}, {"views", 2}}}}}});
  const json filter = {{"videoid", kVideo}};
  EXPECT_EQ(run("videos", {{"findOne", {{"filter", filter}, {"projection", {{"views", 0}, {"name", false}}}}}})["data"]["document"],
            (json{{"videoid", kVideo}}));
  EXPECT_EQ(run("videos", {{"findOne", {{"filter", filter}, {"projection", {{"*", 1}}}}}})["data"]["document"],
            (json{{"videoid", kVideo}, {"name", "n"}, {"views", 2}}));
  EXPECT_EQ(run("videos", {{"findOne", {{"filter", filter}, {"projection", {{"name", 1}, {"colour", 1}}}}}})["status"]["projectionSchema"],
            R"({"name":{"type":"text"}})"_json);
  expect_error(run("videos", {{"findOne", {{"filter", filter}, {"projection", {{"colour", 1}}}}}}), "PROJECTION",
               "UNKNOWN_TABLE_COLUMNS", "Columns in the projection are not defined in the table schema");
  expect_error(run("videos", {{"findOne", {{"filter", filter}, {"projection", {{"name", 1}, {"views", 0}}}}}}), "PROJECTION",
               "UNSUPPORTED_PROJECTION_PARAM", "Unsupported projection parameter");
}

TEST_F(TableReadsTest, TimestampsAreUtcWithMillisecondsWhenPresent) {
  for (const auto& [in, out] : std::vector<std::pair<json, std::string>>{
           {"2025-06-01T10:00:00+02:00", "2025-06-01T08:00:00Z"},
           {"2025-06-01T08:00:00.120Z", "2025-06-01T08:00:00.120Z"},
           {{{"$date", 1748772900000LL}}, "2025-06-01T10:15:00Z"}}) {
    run("videos", {{"insertOne", {{"document", {{"videoid", kVideo}, {"added_date", in}}}}}});
    EXPECT_EQ(run("videos", {{"findOne", {{"filter", {{"videoid", kVideo}}}, {"projection", {{"added_date", 1}}}}}})["data"]["document"]["added_date"],
              out);
  }
}

TEST_F(TableReadsTest, EmptyCollectionsAndNullsAreOmitted) {
  run("videos", {{"insertOne", {{"document", {{"videoid", kVideo}, {"tags", json::array()}, {"name", nullptr}}}}}});
  EXPECT_EQ(run("videos", {{"findOne", {{"filter", {{"videoid", kVideo}}}}}})["data"]["document"], (json{{"videoid", kVideo}}));
}

TEST_F(TableReadsTest, ScalarTypesRoundTrip) {
  ASSERT_EQ(run("", R"({"createTable":{"name":"kinds","definition":{"columns":{"id":"text","b":"blob","f":"float",
      "d":"double","ok":"boolean","dt":"date","tm":"time","du":"duration","ip":"inet",
      "m":{"type":"map","keyType":"text","valueType":"int"},"mi":{"type":"map","keyType":"int","valueType":"text"},
      "l":{"type":"list","valueType":"timestamp"}},"primaryKey":"id"}}})"_json), json({{"status", {{"ok", 1}}}}));
  const json document = R"({"id":"a","b":{"$binary":"PwAAAL+AAAA+gAAAP4AAAA=="},"f":0.1,"d":0.1,"ok":true,"dt":"2025-06-01",
      "tm":"10:15:30.5","du":"2h45m","ip":"10.0.0.1","m":{"x":1,"y":2},"mi":[[2,"two"],[1,"one"]],
      "l":["2025-06-01T10:00:00+02:00"]})"_json;
  ASSERT_FALSE(run("kinds", {{"insertOne", {{"document", document}}}}).contains("errors"));
  EXPECT_EQ(run("kinds", R"({"findOne":{"filter":{"id":"a"}}})"_json)["data"]["document"],
            R"({"id":"a","b":{"$binary":"PwAAAL+AAAA+gAAAP4AAAA=="},"f":0.1,"d":0.1,"ok":true,"dt":"2025-06-01",
                "tm":"10:15:30.5","du":"PT2H45M","ip":"10.0.0.1","m":{"x":1,"y":2},"mi":[[1,"one"],[2,"two"]],
                "l":["2025-06-01T08:00:00Z"]})"_json);
  EXPECT_EQ(run("kinds", R"({"findOne":{"filter":{"id":"a"},"projection":{"f":1}}})"_json)["data"]["document"].dump(), R"({"f":0.1})");
}

}  // namespace
}  // namespace killrvideo::host::embedded::testing
