// Table commands against the worked examples of data-api-wire §8: the exact command sent, and what a
// canned response becomes.
#include <gtest/gtest.h>

#include <stdexcept>

#include "CannedResponses.h"
#include "killrvideo/plugin/data/Table.h"
#include "killrvideo/plugin/data/Vectors.h"
#include "killrvideo/plugin/testing/FakeDataClient.h"

namespace {

using killrvideo::plugin::data::DataApiError;
using killrvideo::plugin::data::Filter;
using killrvideo::plugin::data::FindOneOptions;
using killrvideo::plugin::data::FindOptions;
using killrvideo::plugin::data::Ordering;
using killrvideo::plugin::data::Projection;
using killrvideo::plugin::data::Sort;
using killrvideo::plugin::data::Table;
using killrvideo::plugin::data::TableUpdate;
using killrvideo::plugin::testing::FakeDataClient;
using json = nlohmann::ordered_json;
namespace data = killrvideo::plugin::data;
namespace canned = killrvideo::plugin::data::test;

constexpr const char* kVideoId = "1b0b5c3e-7a5e-4c4f-9d0a-3f2e1d0c9b8a";

class TableTest : public ::testing::Test {
 protected:
  json last_command() const { return client.calls().back().command; }

  FakeDataClient client;
  Table videos{client, "videos"};
};

TEST_F(TableTest, InsertOneOfE4ReturnsThePrimaryKey) {
  const json row = {{"videoid", kVideoId},
                    {"userid", "5f1d0e2c-0a4b-4e8f-b1c2-d3e4f5a6b7c8"},
                    {"name", "Intro to Vector Search"},
                    {"category", "education"},
                    {"added_date", "2025-06-01T10:15:00Z"},
                    {"tags", json::array({"ai", "databases"})},
                    {"views", 0},
                    {"content_features", data::vector_to_json({0.12f, -0.48f, 0.33f, 0.80f})}};
  client.queue_response(json::parse(
      R"({"status":{"primaryKeySchema":{"videoid":{"type":"uuid"}},"insertedIds":[["1b0b5c3e-7a5e-4c4f-9d0a-3f2e1d0c9b8a"]]}})"));

  EXPECT_EQ(videos.insert_one(row), json::array({kVideoId}));
  EXPECT_EQ(client.calls().back().target, "videos");
  EXPECT_EQ(last_command(), json::parse(R"({"insertOne":{"document":{"videoid":"1b0b5c3e-7a5e-4c4f-9d0a-3f2e1d0c9b8a",
      "userid":"5f1d0e2c-0a4b-4e8f-b1c2-d3e4f5a6b7c8","name":"Intro to Vector Search","category":"education",
      "added_date":"2025-06-01T10:15:00Z","tags":["ai","databases"],"views":0,
      "content_features":[0.12,-0.48,0.33,0.80]}}})"));
}

TEST_F(TableTest, FindOneOfE5) {
  client.queue_response(json::parse(R"({"data":{"document":{"videoid":"1b0b5c3e-7a5e-4c4f-9d0a-3f2e1d0c9b8a",
      "name":"Intro to Vector Search","views":0}},"status":{"projectionSchema":{"videoid":{"type":"uuid"}}}})"));

  const auto video =
      videos.find_one(Filter().eq("videoid", kVideoId),
                      FindOneOptions().projection(Projection::include({"videoid", "name", "views", "description"})));

  EXPECT_EQ(last_command(), json::parse(R"({"findOne":{"filter":{"videoid":"1b0b5c3e-7a5e-4c4f-9d0a-3f2e1d0c9b8a"},
      "projection":{"videoid":1,"name":1,"views":1,"description":1}}})"));
  ASSERT_TRUE(video.has_value());
  EXPECT_EQ(video->at("name"), "Intro to Vector Search");
  EXPECT_FALSE(video->contains("description"));
}

TEST_F(TableTest, FindOneMissIsNone) {
  client.queue_response(json::parse(R"({"data":{"document":null}})"));
  EXPECT_FALSE(videos.find_one(Filter().eq("videoid", kVideoId)).has_value());
}

TEST_F(TableTest, FindOfE6) {
  Table latest(client, "latest_videos");
  client.queue_response(json::parse(R"({"data":{"documents":[
      {"day":"2025-06-01","added_date":"2025-06-01T18:02:11.250Z","videoid":"9c","name":"Cassandra 5 tour"},
      {"day":"2025-06-01","added_date":"2025-06-01T10:15:00Z","videoid":"1b","name":"Intro to Vector Search"}],
      "nextPageState":null},"status":{"projectionSchema":{"day":{"type":"date"}}}})"));

  const data::FindResult result =
      latest.find(Filter().eq("day", "2025-06-01"), FindOptions().sort(Sort().descending("added_date")).limit(10));

  EXPECT_EQ(client.calls().back().target, "latest_videos");
  EXPECT_EQ(last_command(),
            json::parse(R"({"find":{"filter":{"day":"2025-06-01"},"sort":{"added_date":-1},"options":{"limit":10}}})"));
  ASSERT_EQ(result.documents.size(), 2u);
  EXPECT_EQ(result.documents[0]["name"], "Cassandra 5 tour");
  EXPECT_FALSE(result.next_page_state.has_value());
  EXPECT_TRUE(result.warnings.empty());
  EXPECT_FALSE(result.sort_vector.has_value());
  EXPECT_FALSE(result.sorted_row_count.has_value());
}

TEST_F(TableTest, VectorFindOfE7WithScoresAndSortVector) {
  client.queue_response(json::parse(R"({"data":{"documents":[
      {"videoid":"1b0b5c3e-7a5e-4c4f-9d0a-3f2e1d0c9b8a","name":"Intro to Vector Search","$similarity":0.99957},
      {"videoid":"77aa","name":"Embeddings 101","$similarity":0.91208},
      {"videoid":"03fe","name":"Cooking pasta","$similarity":0.4157}],"nextPageState":null},
      "status":{"sortVector":[0.1,-0.5,0.3,0.79],"projectionSchema":{"videoid":{"type":"uuid"},"name":{"type":"text"}}}})"));

  const data::FindResult result =
      videos.find(Filter(), FindOptions()
                                .sort(Sort::by_vector("content_features", {0.10f, -0.50f, 0.30f, 0.79f}))
                                .projection(Projection::include({"videoid", "name"}))
                                .limit(3)
                                .include_similarity()
                                .include_sort_vector());

  EXPECT_EQ(last_command(), json::parse(R"({"find":{"sort":{"content_features":[0.10,-0.50,0.30,0.79]},
      "projection":{"videoid":1,"name":1},"options":{"includeSimilarity":true,"includeSortVector":true,"limit":3}}})"));
  ASSERT_EQ(result.documents.size(), 3u);
  EXPECT_DOUBLE_EQ(data::similarity_of(result.documents[0]), 0.99957);
  EXPECT_DOUBLE_EQ(data::similarity_of(result.documents[2]), 0.4157);
  EXPECT_EQ(result.sort_vector, std::vector<float>({0.1f, -0.5f, 0.3f, 0.79f}));
}

TEST_F(TableTest, SimilarityOfARowWithoutOneThrows) {
  EXPECT_THROW(data::similarity_of(json::parse(R"({"videoid":"x"})")), std::invalid_argument);
}

TEST_F(TableTest, InMemorySortReportsWarningsAndSortedRowCount) {
  client.queue_response(json::parse(R"({"data":{"documents":[],"nextPageState":null},
      "status":{"sortedRowCount":120,"warnings":[
        {"id":"a","family":"REQUEST","scope":"WARNING","errorCode":"ZERO_FILTER_OPERATIONS","title":"t1","message":"m1"},
        {"id":"b","family":"REQUEST","scope":"WARNING","errorCode":"IN_MEMORY_SORTING_DUE_TO_PARTITION_KEY_NOT_RESTRICTED",
         "title":"t2","message":"m2"}]}})"));

  const data::FindResult result = videos.find(Filter(), FindOptions().sort(Sort().descending("added_date")));

  EXPECT_EQ(result.sorted_row_count, 120);
  EXPECT_EQ(
      result.warning_codes(),
      std::vector<std::string>({"ZERO_FILTER_OPERATIONS", "IN_MEMORY_SORTING_DUE_TO_PARTITION_KEY_NOT_RESTRICTED"}));
}

TEST_F(TableTest, UnindexedFilterOfE11SucceedsWithAWarning) {
  client.queue_response(json::parse(R"({"data":{"documents":[{"videoid":"1b0b5c3e-7a5e-4c4f-9d0a-3f2e1d0c9b8a"}],
      "nextPageState":null},"status":{"projectionSchema":{"videoid":{"type":"uuid"}},
      "warnings":[{"id":"0d9e","family":"REQUEST","scope":"WARNING","errorCode":"MISSING_INDEX",
      "title":"Filter includes columns that are not indexed","message":"text"}]}})"));

  const data::FindResult result = videos.find(Filter().eq("category", "education"),
                                              FindOptions().projection(Projection::include({"videoid"})).limit(5));

  EXPECT_EQ(last_command(), json::parse(R"({"find":{"filter":{"category":"education"},"projection":{"videoid":1},
      "options":{"limit":5}}})"));
  ASSERT_EQ(result.warnings.size(), 1u);
  EXPECT_EQ(result.warnings[0].error_code, "MISSING_INDEX");
  EXPECT_EQ(result.warnings[0].scope, "WARNING");
  EXPECT_EQ(result.warnings[0].title, "Filter includes columns that are not indexed");
  EXPECT_EQ(result.warnings[0].object["id"], "0d9e");
  EXPECT_EQ(result.documents.size(), 1u);
}

TEST_F(TableTest, NextPageStateIsReturned) {
  client.queue_response(canned::page(json::array({{{"a", 1}}}), "AAoAAAAA"));
  EXPECT_EQ(videos.find().next_page_state, "AAoAAAAA");
  EXPECT_EQ(last_command(), json::parse(R"({"find":{}})"));
}

TEST_F(TableTest, UpdateOneOfE8) {
  client.queue_response(json::parse(R"({"status":{"matchedCount":1,"modifiedCount":1}})"));
  videos.update_one(Filter().eq("videoid", kVideoId), TableUpdate().set("views", 1));
  EXPECT_EQ(last_command(), json::parse(R"({"updateOne":{"filter":{"videoid":"1b0b5c3e-7a5e-4c4f-9d0a-3f2e1d0c9b8a"},
      "update":{"$set":{"views":1}}}})"));
}

TEST_F(TableTest, RefusedUpdateOfE8Throws) {
  client.queue_response(json::parse(R"({"errors":[{"id":"6c1f0e8a-2b7d-4f1e-9a51-0d3c2b4a5e6f","family":"REQUEST",
      "scope":"UPDATE","errorCode":"UNSUPPORTED_UPDATE_OPERATIONS_FOR_TABLE",
      "title":"Update operation not supported by tables","message":"allowed: $set, $unset, $push, $pullAll"}]})"));
  try {
    videos.update_one(Filter().eq("videoid", kVideoId), TableUpdate().set("views", 1));
    FAIL() << "expected DataApiError";
  } catch (const DataApiError& e) {
    EXPECT_EQ(e.error_code(), "UNSUPPORTED_UPDATE_OPERATIONS_FOR_TABLE");
    EXPECT_EQ(e.scope(), "UPDATE");
    EXPECT_FALSE(e.is_data_store_unavailable());
  }
}

TEST_F(TableTest, CommentInsertAndDeleteOfE10) {
  Table comments(client, "comments_by_video");
  client.queue_response(json::parse(R"({"status":{"insertedIds":[["1b0b5c3e-7a5e-4c4f-9d0a-3f2e1d0c9b8a",
      "2025-06-02T08:00:00Z","0197a3c2-4d5e-7f00-8a1b-2c3d4e5f6a7b"]]}})"));
  client.queue_response(json::parse(R"({"status":{"deletedCount":-1}})"));
  const Filter key = Filter()
                         .eq("videoid", kVideoId)
                         .eq("created_at", "2025-06-02T08:00:00Z")
                         .eq("commentid", "0197a3c2-4d5e-7f00-8a1b-2c3d4e5f6a7b");

  const json id = comments.insert_one({{"videoid", kVideoId},
                                       {"created_at", "2025-06-02T08:00:00Z"},
                                       {"commentid", "0197a3c2-4d5e-7f00-8a1b-2c3d4e5f6a7b"},
                                       {"comment", "Great intro!"}});
  comments.delete_one(key);

  EXPECT_EQ(id, json::parse(R"(["1b0b5c3e-7a5e-4c4f-9d0a-3f2e1d0c9b8a","2025-06-02T08:00:00Z",
      "0197a3c2-4d5e-7f00-8a1b-2c3d4e5f6a7b"])"));
  EXPECT_EQ(last_command(), json::parse(R"({"deleteOne":{"filter":{"videoid":"1b0b5c3e-7a5e-4c4f-9d0a-3f2e1d0c9b8a",
      "created_at":"2025-06-02T08:00:00Z","commentid":"0197a3c2-4d5e-7f00-8a1b-2c3d4e5f6a7b"}}})"));
}

TEST_F(TableTest, DeleteManyOfAPartitionAndTruncate) {
  client.queue_response(json::parse(R"({"status":{"deletedCount":-1}})"));
  client.queue_response(json::parse(R"({"status":{"deletedCount":-1}})"));
  videos.delete_many(Filter().eq("videoid", kVideoId));
  EXPECT_EQ(last_command(),
            json::parse(R"({"deleteMany":{"filter":{"videoid":"1b0b5c3e-7a5e-4c4f-9d0a-3f2e1d0c9b8a"}}})"));
  videos.delete_many(Filter());
  EXPECT_EQ(last_command(), json::parse(R"({"deleteMany":{"filter":{}}})"));
}

TEST_F(TableTest, PartialInsertManyOfE12ReportsInsteadOfThrowing) {
  client.queue_response(json::parse(R"({"status":{"primaryKeySchema":{"videoid":{"type":"uuid"}},
      "insertedIds":[["a1"],["a3"]]},"errors":[{"id":"e","family":"REQUEST","scope":"DOCUMENT",
      "errorCode":"INVALID_COLUMN_VALUES","title":"Column values in documents are not valid","message":"name"}]})"));

  const data::InsertManyResult result =
      videos.insert_many({{{"videoid", "a1"}}, {{"videoid", "a2"}, {"name", 42}}, {{"videoid", "a3"}}});

  EXPECT_EQ(last_command(), json::parse(R"({"insertMany":{"documents":[{"videoid":"a1"},{"videoid":"a2","name":42},
      {"videoid":"a3"}],"options":{"ordered":false}}})"));
  EXPECT_EQ(result.inserted_ids, std::vector<json>({json::array({"a1"}), json::array({"a3"})}));
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].error_code, "INVALID_COLUMN_VALUES");
}

TEST_F(TableTest, InsertManyIsSentInChunksTheServerAccepts) {
  std::vector<json> rows;
  for (int i = 0; i < 120; ++i) rows.push_back({{"n", i}});
  for (int chunk = 0; chunk < 3; ++chunk)
    client.queue_response({{"status", {{"insertedIds", json::array({json::array({chunk})})}}}});

  const data::InsertManyResult result = videos.insert_many(rows);

  const auto calls = client.calls();
  ASSERT_EQ(calls.size(), 3u);
  EXPECT_EQ(calls[0].command["insertMany"]["documents"].size(), 50u);
  EXPECT_EQ(calls[1].command["insertMany"]["documents"][0], json({{"n", 50}}));
  EXPECT_EQ(calls[2].command["insertMany"]["documents"].size(), 20u);
  EXPECT_EQ(result.inserted_ids.size(), 3u);
  EXPECT_TRUE(result.errors.empty());
}

TEST_F(TableTest, OrderedInsertManyStopsAfterTheRefusedChunk) {
  std::vector<json> rows(60, json{{"n", 1}});
  client.queue_response(
      {{"status", {{"insertedIds", json::array()}}},
       {"errors", json::array({canned::error_object("REQUEST", "DOCUMENT", "MISSING_PRIMARY_KEY_COLUMNS")})}});

  const data::InsertManyResult result = videos.insert_many(rows, Ordering::Ordered);

  ASSERT_EQ(client.calls().size(), 1u);
  EXPECT_EQ(client.calls()[0].command["insertMany"]["options"], json({{"ordered", true}}));
  EXPECT_TRUE(result.inserted_ids.empty());
  EXPECT_EQ(result.errors.size(), 1u);
}

TEST_F(TableTest, InsertManyThrowsWhenTheCommandItselfFailed) {
  client.queue_response(
      canned::error_response(canned::error_object("REQUEST", "SCHEMA", "UNKNOWN_COLLECTION_OR_TABLE")));
  EXPECT_THROW(videos.insert_many({{{"videoid", "a1"}}}), DataApiError);
  // No response queued: the fake answers UNAVAILABLE_DATABASE, as the host does.
  EXPECT_THROW(videos.insert_many({{{"videoid", "a1"}}}), DataApiError);
}

TEST_F(TableTest, InsertManyOfNothingSendsNothing) {
  EXPECT_TRUE(videos.insert_many({}).inserted_ids.empty());
  EXPECT_TRUE(client.calls().empty());
}

TEST_F(TableTest, AResponseThatIsNoEnvelopeIsAMalformedResponse) {
  client.queue_response(json::array());
  client.queue_response(json::parse(R"({"status":{}})"));
  client.queue_response(json::parse(R"({"data":{"documents":{}}})"));
  EXPECT_THROW(videos.find(), std::runtime_error);
  EXPECT_THROW(videos.find(), std::runtime_error);
  try {
    videos.find();
    FAIL() << "expected std::runtime_error";
  } catch (const DataApiError&) {
    FAIL() << "a malformed response is not a Data API error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("malformed Data API response"), std::string::npos);
  }
}

}  // namespace
