// alterTable: adding and dropping columns, and the refusals (data-api-wire §4.5).
#include "EngineTestSupport.h"

namespace killrvideo::host::embedded::testing {
namespace {

class TableAlterTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    ASSERT_FALSE(run("", R"({"createTable":{"name":"people","definition":{"columns":{
        "id":"text","age":"int","comment":"text"},"primaryKey":"id"}}})"_json).contains("errors"));
    ASSERT_FALSE(run("people", R"({"createIndex":{"name":"people_age","definition":{"column":"age"}}})"_json).contains("errors"));
    ASSERT_FALSE(run("people", R"({"insertOne":{"document":{"id":"a","age":30,"comment":"hello"}}})"_json).contains("errors"));
  }
  json columns() { return run("", R"({"listTables":{"options":{"explain":true}}})"_json)["status"]["tables"][0]["definition"]["columns"]; }
};

TEST_F(TableAlterTest, AddsColumnsThatRowsThenCarry) {
  EXPECT_EQ(run("people", R"({"alterTable":{"operation":{"add":{"columns":{
      "tags":{"type":"set","valueType":"text"},"score":"double","features":{"type":"vector","dimension":2}}}}}})"_json),
            R"({"status":{"ok":1}})"_json);
  EXPECT_EQ(columns()["tags"], R"({"type":"set","valueType":"text"})"_json);
  EXPECT_EQ(columns()["features"], R"({"type":"vector","dimension":2})"_json);
  run("people", R"({"insertOne":{"document":{"id":"b","tags":["x"],"score":1.5,"features":[1,0]}}})"_json);
  EXPECT_EQ(run("people", R"({"findOne":{"filter":{"id":"b"},"projection":{"tags":1,"score":1}}})"_json)["data"]["document"],
            R"({"tags":["x"],"score":1.5})"_json);
  EXPECT_EQ(run("people", R"({"findOne":{"filter":{"id":"a"},"projection":{"age":1,"score":1}}})"_json)["data"]["document"],
            R"({"age":30})"_json);
  reopen();
  EXPECT_TRUE(columns().contains("score"));
}

TEST_F(TableAlterTest, DropsColumnsAndTheirValues) {
  EXPECT_EQ(run("people", R"({"alterTable":{"operation":{"drop":{"columns":["comment"]}}}})"_json), R"({"status":{"ok":1}})"_json);
  EXPECT_FALSE(columns().contains("comment"));
  EXPECT_EQ(run("people", R"({"findOne":{"filter":{"id":"a"}}})"_json)["data"]["document"], R"({"id":"a","age":30})"_json);
  expect_error(run("people", R"({"insertOne":{"document":{"id":"c","comment":"x"}}})"_json), "DOCUMENT",
               "UNKNOWN_TABLE_COLUMNS", "Columns in documents are not defined in the table schema", R"({"primaryKeySchema":{"id":{"type":"text"}},"insertedIds":[]})"_json);
}

TEST_F(TableAlterTest, RefusesWhatItCannotDo) {
  expect_error(run("people", R"({"alterTable":{"operation":{"add":{"columns":{"age":"int"}}}}})"_json), "SCHEMA",
               "CANNOT_ADD_EXISTING_COLUMNS", "Columns already exist in the table");
  expect_error(run("people", R"({"alterTable":{"operation":{"add":{"columns":{"t":"timeuuid"}}}}})"_json), "SCHEMA",
               "CANNOT_ADD_UNSUPPORTED_DATA_TYPE_COLUMNS", "Added columns use unsupported data types");
  expect_error(run("people", R"({"alterTable":{"operation":{"drop":{"columns":["nope"]}}}})"_json), "SCHEMA",
               "CANNOT_DROP_UNKNOWN_COLUMNS", "Dropped columns are not defined in the table schema");
  expect_error(run("people", R"({"alterTable":{"operation":{"drop":{"columns":["id"]}}}})"_json), "SCHEMA",
               "CANNOT_DROP_PRIMARY_KEY_COLUMNS", "Primary key columns cannot be dropped");
  expect_error(run("people", R"({"alterTable":{"operation":{"drop":{"columns":["age"]}}}})"_json), "SCHEMA",
               "CANNOT_DROP_INDEXED_COLUMNS", "Indexed columns cannot be dropped");
  for (const char* empty : {R"({"add":{}})", R"({"add":{"columns":{}}})", R"({"drop":{"columns":[]}})", R"({"drop":{"columns":null}})"})
    expect_error(run("people", {{"alterTable", {{"operation", json::parse(empty)}}}}), "SCHEMA",
                 "MISSING_ALTER_TABLE_OPERATIONS", "Missing alter table operations");
  const json vectorize = run("people", R"({"alterTable":{"operation":{"addVectorize":{"columns":{"v":{"provider":"nvidia","modelName":"NV-Embed-QA"}}}}}})"_json);
  expect_error(vectorize, "SCHEMA", "CANNOT_VECTORIZE_UNKNOWN_COLUMNS", "Vectorize columns are not defined in the table schema");
  EXPECT_EQ(columns(), R"({"id":{"type":"text"},"age":{"type":"int"},"comment":{"type":"text"}})"_json);
}

}  // namespace
}  // namespace killrvideo::host::embedded::testing
