// Table inserts (upsert with column merge), updateOne and deletes (data-api-wire §4.1, §4.3, §4.4).
#include "EngineTestSupport.h"

namespace killrvideo::host::embedded::testing {
namespace {

constexpr const char* kVideo = "1b0b5c3e-7a5e-4c4f-9d0a-3f2e1d0c9b8a";
const json kNothingInserted = R"({"primaryKeySchema":{"videoid":{"type":"uuid"}},"insertedIds":[]})"_json;

class TableWritesTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    create_videos_table();
  }
  json video(const json& projection = json::object()) {
    return run("videos", {{"findOne", {{"filter", {{"videoid", kVideo}}}, {"projection", projection}}}})["data"]["document"];
  }
};

TEST_F(TableWritesTest, InsertOneAnswersPrimaryKeyArrays) {
  EXPECT_EQ(run("videos", R"({"insertOne":{"document":{"videoid":"1b0b5c3e-7a5e-4c4f-9d0a-3f2e1d0c9b8a",
      "userid":"5f1d0e2c-0a4b-4e8f-b1c2-d3e4f5a6b7c8","name":"Intro to Vector Search","category":"education",
      "added_date":"2025-06-01T10:15:00Z","tags":["ai","databases"],"views":0,
      "content_features":[0.12,-0.48,0.33,0.80]}}})"_json),
            R"({"status":{"primaryKeySchema":{"videoid":{"type":"uuid"}},
                "insertedIds":[["1b0b5c3e-7a5e-4c4f-9d0a-3f2e1d0c9b8a"]]}})"_json);
  EXPECT_EQ(video(), R"({"videoid":"1b0b5c3e-7a5e-4c4f-9d0a-3f2e1d0c9b8a","userid":"5f1d0e2c-0a4b-4e8f-b1c2-d3e4f5a6b7c8",
      "name":"Intro to Vector Search","category":"education","added_date":"2025-06-01T10:15:00Z",
      "tags":["ai","databases"],"views":0,"content_features":[0.12,-0.48,0.33,0.8]})"_json);
}

TEST_F(TableWritesTest, InsertIsAnUpsertThatMergesColumns) {
  run("videos", {{"insertOne", {{"document", {{"videoid", kVideo}, {"name", "first"}, {"category", "education"}}}}}});
  run("videos", {{"insertOne", {{"document", {{"videoid", kVideo}, {"name", "second"}, {"category", nullptr}, {"views", 3}}}}}});
  EXPECT_EQ(video(), (json{{"videoid", kVideo}, {"name", "second"}, {"views", 3}}));
}

TEST_F(TableWritesTest, MissingPrimaryKeyUnknownColumnAndInvalidValues) {
  expect_error(run("videos", R"({"insertOne":{"document":{"name":"no key"}}})"_json), "DOCUMENT",
               "MISSING_PRIMARY_KEY_COLUMNS", "Primary key columns missing", kNothingInserted);
  expect_error(run("videos", R"({"insertOne":{"document":{"videoid":"1b0b5c3e-7a5e-4c4f-9d0a-3f2e1d0c9b8a","colour":"red"}}})"_json),
               "DOCUMENT", "UNKNOWN_TABLE_COLUMNS", "Columns in documents are not defined in the table schema", kNothingInserted);
  for (const json& bad : {json{{"name", 42}}, json{{"views", 1.5}}, json{{"views", 18446744073709551615ULL}},
                          json{{"added_date", "yesterday"}}, json{{"content_features", {1, 2, 3}}}, json{{"videoid", "not-a-uuid"}}}) {
    json document = {{"videoid", kVideo}};
    document.update(bad);
    expect_error(run("videos", {{"insertOne", {{"document", document}}}}), "DOCUMENT", "INVALID_COLUMN_VALUES",
                 "Column values in documents are not valid", kNothingInserted);
  }
}

TEST_F(TableWritesTest, IntegerColumnsAreRangeChecked) {
  const json no_number_inserted = R"({"primaryKeySchema":{"id":{"type":"int"}},"insertedIds":[]})"_json;
  ASSERT_EQ(run("", R"({"createTable":{"name":"numbers","definition":{"columns":{"id":"int","t":"tinyint","s":"smallint",
      "b":"bigint"},"primaryKey":"id"}}})"_json), json({{"status", {{"ok", 1}}}}));
  EXPECT_EQ(run("numbers", R"({"insertOne":{"document":{"id":1,"t":127,"s":-32768,"b":9223372036854775807}}})"_json)
                .count("errors"), 0U);
  EXPECT_EQ(run("numbers", R"({"findOne":{"filter":{"id":1}}})"_json)["data"]["document"],
            R"({"id":1,"t":127,"s":-32768,"b":9223372036854775807})"_json);
  EXPECT_EQ(run("numbers", R"({"findOne":{"filter":{"id":1}}})"_json)["data"]["document"]["b"].get<std::int64_t>(),
            9223372036854775807LL);
  expect_error(run("numbers", R"({"insertOne":{"document":{"id":2,"t":128}}})"_json), "DOCUMENT", "INVALID_COLUMN_VALUES",
               "Column values in documents are not valid", no_number_inserted);
  expect_error(run("numbers", R"({"insertOne":{"document":{"id":2147483648}}})"_json), "DOCUMENT", "INVALID_COLUMN_VALUES",
               "Column values in documents are not valid", no_number_inserted);
}

TEST_F(TableWritesTest, UnorderedInsertManyWritesEveryValidRow) {
  const json response = run("videos", R"({"insertMany":{"documents":[
      {"videoid":"00000000-0000-4000-8000-0000000000a1","name":"one"},
      {"videoid":"00000000-0000-4000-8000-0000000000a2","name":42},
      {"videoid":"00000000-0000-4000-8000-0000000000a3","name":"three"}]}})"_json);
  ASSERT_EQ(response["errors"].size(), 1U);
  EXPECT_EQ(response["errors"][0]["errorCode"], "INVALID_COLUMN_VALUES");
  EXPECT_EQ(response["status"], R"({"primaryKeySchema":{"videoid":{"type":"uuid"}},
      "insertedIds":[["00000000-0000-4000-8000-0000000000a1"],["00000000-0000-4000-8000-0000000000a3"]]})"_json);
  EXPECT_FALSE(response.contains("data"));
}

TEST_F(TableWritesTest, OrderedInsertManyStopsAtTheFirstFailure) {
  const json response = run("videos", R"({"insertMany":{"documents":[
      {"videoid":"00000000-0000-4000-8000-0000000000a1"},{"videoid":"bad"},
      {"videoid":"00000000-0000-4000-8000-0000000000a3"}],"options":{"ordered":true,"returnDocumentResponses":true}}})"_json);
  EXPECT_EQ(response["status"]["documentResponses"], R"([{"_id":["00000000-0000-4000-8000-0000000000a1"],"status":"OK"},
      {"status":"ERROR","errorsIdx":0},{"status":"SKIPPED"}])"_json);
  EXPECT_EQ(run("videos", R"({"find":{"projection":{"videoid":1}}})"_json)["data"]["documents"].size(), 1U);
}

TEST_F(TableWritesTest, InsertManyTakesOneToOneHundredDocuments) {
  json documents = json::array();
  for (int i = 0; i < 101; ++i) documents.push_back({{"videoid", kVideo}});
  expect_error(run("videos", {{"insertMany", {{"documents", documents}}}}), "", "COMMAND_FIELD_VALUE_INVALID",
               "Command field value invalid");
  expect_error(run("videos", R"({"insertMany":{"documents":[]}})"_json), "", "COMMAND_FIELD_VALUE_INVALID",
               "Command field value invalid");
}

TEST_F(TableWritesTest, UpdateOneSetsUnsetsPushesAndPulls) {
  run("videos", {{"insertOne", {{"document", {{"videoid", kVideo}, {"name", "n"}, {"tags", {"a", "b"}}}}}}});
  EXPECT_EQ(run("videos", {{"updateOne", {{"filter", {{"videoid", kVideo}}},
                                          {"update", {{"$set", {{"views", 7}}}, {"$unset", {{"name", ""}}},
                                                      {"$push", {{"tags", {{"$each", {"c", "a"}}}}}}}}}}}),
            R"({"status":{"matchedCount":1,"modifiedCount":1}})"_json);
  EXPECT_EQ(video(), (json{{"videoid", kVideo}, {"views", 7}, {"tags", {"a", "b", "c"}}}));
  run("videos", {{"updateOne", {{"filter", {{"videoid", kVideo}}}, {"update", {{"$pullAll", {{"tags", {"a", "c"}}}}}}}}});
  EXPECT_EQ(video()["tags"], json({"b"}));
}

TEST_F(TableWritesTest, UpdateOneIsAnUpsert) {
  EXPECT_EQ(run("videos", {{"updateOne", {{"filter", {{"videoid", kVideo}}}, {"update", {{"$set", {{"name", "new"}}}}}}}}),
            R"({"status":{"matchedCount":1,"modifiedCount":1}})"_json);
  EXPECT_EQ(video(), (json{{"videoid", kVideo}, {"name", "new"}}));
}

TEST_F(TableWritesTest, IncIsNotATableOperation) {
  expect_error(run("videos", {{"updateOne", {{"filter", {{"videoid", kVideo}}}, {"update", {{"$inc", {{"views", 1}}}}}}}}),
               "UPDATE", "UNSUPPORTED_UPDATE_OPERATIONS_FOR_TABLE", "Update operation not supported by tables");
}

TEST_F(TableWritesTest, UpdateOneFilterAndColumnErrors) {
  create_latest_videos_table();
  expect_error(run("latest_videos", R"({"updateOne":{"filter":{"day":"2025-06-01"},"update":{"$set":{"name":"x"}}}})"_json),
               "FILTER", "MISSING_FULL_PRIMARY_KEY_FOR_UPDATE_DELETE",
               "updateOne and deleteOne commands require filtering on the full primary key");
  expect_error(run("videos", R"({"updateOne":{"filter":{"name":"x"},"update":{"$set":{"views":1}}}})"_json), "FILTER",
               "UNSUPPORTED_NON_PRIMARY_KEY_FILTER_FOR_UPDATE_DELETE",
               "Update and delete commands only support filtering on the primary key");
  expect_error(run("videos", {{"updateOne", {{"filter", {{"videoid", {{"$ne", kVideo}}}}}, {"update", {{"$set", {{"views", 1}}}}}}}}),
               "FILTER", "UNSUPPORTED_FILTER_FOR_UPDATE_ONE_DELETE_ONE",
               "updateOne and deleteOne commands only support filtering using $eq");
  expect_error(run("videos", R"({"updateOne":{"filter":{},"update":{"$set":{"views":1}}}})"_json), "FILTER",
               "MISSING_FILTER_FOR_UPDATE_DELETE", "Update and delete commands require a filter");
  expect_error(run("videos", {{"updateOne", {{"filter", {{"videoid", kVideo}}}, {"update", {{"$set", {{"videoid", kVideo}}}}}}}}),
               "UPDATE", "UNSUPPORTED_UPDATE_FOR_PRIMARY_KEY_COLUMNS", "Primary key columns cannot be updated");
  expect_error(run("videos", {{"updateOne", {{"filter", {{"videoid", kVideo}}}, {"update", {{"$set", {{"views", "many"}}}}}}}}),
               "UPDATE", "INVALID_UPDATE_COLUMN_VALUES", "Column value in update clause is not valid");
  expect_error(run("videos", {{"updateOne", {{"filter", {{"videoid", kVideo}}}, {"update", {{"$push", {{"name", "x"}}}}}}}}),
               "UPDATE", "UNSUPPORTED_UPDATE_OPERATOR", "Update operator is not supported by target columns");
  expect_error(run("videos", {{"updateOne", {{"filter", {{"videoid", kVideo}}}, {"update", json::object()}}}}),
               "UPDATE", "MISSING_UPDATE_OPERATIONS", "Update operation requires at least one operation");
}

TEST_F(TableWritesTest, DeleteOneNeedsTheFullKey) {
  run("videos", {{"insertOne", {{"document", {{"videoid", kVideo}, {"name", "n"}}}}}});
  EXPECT_EQ(run("videos", {{"deleteOne", {{"filter", {{"videoid", kVideo}}}}}}), R"({"status":{"deletedCount":-1}})"_json);
  EXPECT_EQ(run("videos", {{"findOne", {{"filter", {{"videoid", kVideo}}}}}})["data"], R"({"document":null})"_json);
  expect_error(run("videos", R"({"deleteOne":{"filter":{"name":"n"}}})"_json), "FILTER",
               "UNSUPPORTED_NON_PRIMARY_KEY_FILTER_FOR_UPDATE_DELETE",
               "Update and delete commands only support filtering on the primary key");
}

TEST_F(TableWritesTest, DeleteManyByPartitionClusteringRangeOrEverything) {
  create_latest_videos_table();
  for (const char* day : {"2025-06-01", "2025-06-02"})
    for (int hour = 10; hour < 13; ++hour)
      run("latest_videos", {{"insertOne", {{"document", {{"day", day}, {"added_date", std::string(day) + "T" + std::to_string(hour) + ":00:00Z"},
                                                         {"videoid", kVideo}, {"name", "v"}}}}}});
  EXPECT_EQ(run("latest_videos", R"({"deleteMany":{"filter":{"day":"2025-06-01","added_date":{"$gte":"2025-06-01T11:00:00Z"}}}})"_json),
            R"({"status":{"deletedCount":-1}})"_json);
  EXPECT_EQ(run("latest_videos", R"({"find":{"filter":{"day":"2025-06-01"},"projection":{"added_date":1}}})"_json)["data"]["documents"],
            R"([{"added_date":"2025-06-01T10:00:00Z"}])"_json);
  expect_error(run("latest_videos", R"({"deleteMany":{"filter":{"videoid":"1b0b5c3e-7a5e-4c4f-9d0a-3f2e1d0c9b8a"}}})"_json),
               "FILTER", "INVALID_PRIMARY_KEY_FILTER", "Primary key filtering must specify columns in schema order");
  EXPECT_EQ(run("latest_videos", R"({"deleteMany":{"filter":{}}})"_json), R"({"status":{"deletedCount":-1}})"_json);
  EXPECT_EQ(run("latest_videos", R"({"find":{}})"_json)["data"]["documents"], json::array());
}

TEST_F(TableWritesTest, SortIsRefusedOnUpdatesAndDeletes) {
  expect_error(run("videos", {{"updateOne", {{"filter", {{"videoid", kVideo}}}, {"sort", {{"name", 1}}},
                                             {"update", {{"$set", {{"views", 1}}}}}}}}),
               "SORT", "UNSUPPORTED_SORT_FOR_TABLE_UPDATE_COMMAND", "Sorting not supported by update command on tables");
  expect_error(run("videos", {{"deleteOne", {{"filter", {{"videoid", kVideo}}}, {"sort", {{"name", 1}}}}}}),
               "SORT", "UNSUPPORTED_SORT_FOR_TABLE_DELETE_COMMAND", "Sorting not supported by delete command on tables");
}

}  // namespace
}  // namespace killrvideo::host::embedded::testing
