// Collection commands: E13 and the collection-only reads and writes of data-api-wire §5.
#include <gtest/gtest.h>

#include "CannedResponses.h"
#include "killrvideo/plugin/data/Collection.h"
#include "killrvideo/plugin/testing/FakeDataClient.h"

namespace {

using killrvideo::plugin::data::Collection;
using killrvideo::plugin::data::CollectionUpdate;
using killrvideo::plugin::data::CountResult;
using killrvideo::plugin::data::DataApiError;
using killrvideo::plugin::data::Filter;
using killrvideo::plugin::data::FindOneAndUpdateOptions;
using killrvideo::plugin::data::FindOneAndUpdateResult;
using killrvideo::plugin::data::FindOptions;
using killrvideo::plugin::data::Projection;
using killrvideo::plugin::data::ReturnDocument;
using killrvideo::plugin::data::Sort;
using killrvideo::plugin::data::UpdateOneOptions;
using killrvideo::plugin::data::UpdateResult;
using killrvideo::plugin::testing::FakeDataClient;
using json = nlohmann::ordered_json;
namespace data = killrvideo::plugin::data;
namespace canned = killrvideo::plugin::data::test;

constexpr const char* kVideoId = "1b0b5c3e-7a5e-4c4f-9d0a-3f2e1d0c9b8a";

class CollectionTest : public ::testing::Test {
 protected:
  json last_command() const { return client.calls().back().command; }

  FindOneAndUpdateResult count_a_view() {
    return stats.find_one_and_update(
        Filter().eq("_id", kVideoId),
        CollectionUpdate().inc("views", 1).set_on_insert("first_view", {{"$date", 1748772900000}}),
        FindOneAndUpdateOptions().upsert().return_document(ReturnDocument::After));
  }

  FakeDataClient client;
  Collection stats{client, "video_stats"};
};

TEST_F(CollectionTest, FindOneAndUpdateOfE13Upserts) {
  client.queue_response(json::parse(R"({"data":{"document":{"_id":"1b0b5c3e-7a5e-4c4f-9d0a-3f2e1d0c9b8a","views":1,
      "first_view":{"$date":1748772900000}}},
      "status":{"upsertedId":"1b0b5c3e-7a5e-4c4f-9d0a-3f2e1d0c9b8a","matchedCount":0,"modifiedCount":0}})"));

  const FindOneAndUpdateResult result = count_a_view();

  EXPECT_EQ(client.calls().back().target, "video_stats");
  EXPECT_EQ(last_command(), json::parse(R"({"findOneAndUpdate":{"filter":{"_id":"1b0b5c3e-7a5e-4c4f-9d0a-3f2e1d0c9b8a"},
      "update":{"$inc":{"views":1},"$setOnInsert":{"first_view":{"$date":1748772900000}}},
      "options":{"returnDocument":"after","upsert":true}}})"));
  ASSERT_TRUE(result.document.has_value());
  EXPECT_EQ(result.document->at("views"), 1);
  EXPECT_EQ(result.upserted_id, json(kVideoId));
  EXPECT_EQ(result.matched_count, 0);
  EXPECT_EQ(result.modified_count, 0);
}

TEST_F(CollectionTest, FindOneAndUpdateOfE13LaterCalls) {
  client.queue_response(json::parse(R"({"data":{"document":{"_id":"1b0b5c3e-7a5e-4c4f-9d0a-3f2e1d0c9b8a","views":2}},
      "status":{"matchedCount":1,"modifiedCount":1}})"));

  const FindOneAndUpdateResult result = count_a_view();

  EXPECT_EQ(result.document->at("views"), 2);
  EXPECT_FALSE(result.upserted_id.has_value());
  EXPECT_EQ(result.matched_count, 1);
  EXPECT_EQ(result.modified_count, 1);
}

TEST_F(CollectionTest, FindOneAndUpdateDefaultsAndNoMatch) {
  client.queue_response(json::parse(R"({"data":{"document":null},"status":{"matchedCount":0,"modifiedCount":0}})"));

  const FindOneAndUpdateResult result = stats.find_one_and_update(
      Filter().eq("_id", "x"), CollectionUpdate().set("a", 1),
      FindOneAndUpdateOptions().sort(Sort().ascending("rank")).projection(Projection::include({"a"})));

  EXPECT_EQ(last_command(), json::parse(R"({"findOneAndUpdate":{"filter":{"_id":"x"},"update":{"$set":{"a":1}},
      "sort":{"rank":1},"projection":{"a":1},"options":{"returnDocument":"before"}}})"));
  EXPECT_FALSE(result.document.has_value());
}

TEST_F(CollectionTest, UpdateOneWithUpsert) {
  client.queue_response(json::parse(R"({"status":{"upsertedId":"r1","matchedCount":0,"modifiedCount":0}})"));

  const UpdateResult result =
      stats.update_one(Filter().eq("_id", "r1"), CollectionUpdate().inc("total", 5), UpdateOneOptions().upsert());

  EXPECT_EQ(last_command(), json::parse(R"({"updateOne":{"filter":{"_id":"r1"},"update":{"$inc":{"total":5}},
      "options":{"upsert":true}}})"));
  EXPECT_EQ(result.upserted_id, json("r1"));
  EXPECT_EQ(result.matched_count, 0);
}

TEST_F(CollectionTest, UpdateOneWithoutOptionsSendsNone) {
  client.queue_response(json::parse(R"({"status":{"matchedCount":1,"modifiedCount":0}})"));

  const UpdateResult result = stats.update_one(Filter().eq("_id", "r1"), CollectionUpdate().set("a", 1));

  EXPECT_EQ(last_command(), json::parse(R"({"updateOne":{"filter":{"_id":"r1"},"update":{"$set":{"a":1}}}})"));
  EXPECT_EQ(result.matched_count, 1);
  EXPECT_EQ(result.modified_count, 0);
  EXPECT_FALSE(result.upserted_id.has_value());
}

TEST_F(CollectionTest, CountDocumentsOfE13) {
  client.queue_response(json::parse(R"({"status":{"count":37}})"));
  const CountResult counted = stats.count_documents(Filter(), 1000);
  EXPECT_EQ(last_command(), json::parse(R"({"countDocuments":{"filter":{}}})"));
  EXPECT_EQ(counted.count, 37);
  EXPECT_FALSE(counted.more_data);
}

TEST_F(CollectionTest, CountDocumentsAboveTheCallersBound) {
  client.queue_response(json::parse(R"({"status":{"count":37}})"));
  const CountResult counted = stats.count_documents(Filter().eq("kind", "x"), 20);
  EXPECT_EQ(counted.count, 20);
  EXPECT_TRUE(counted.more_data);
}

TEST_F(CollectionTest, CountDocumentsAboveTheServersCap) {
  client.queue_response(json::parse(R"({"status":{"count":1000,"moreData":true}})"));
  const CountResult counted = stats.count_documents(Filter(), 5000);
  EXPECT_EQ(counted.count, 1000);
  EXPECT_TRUE(counted.more_data);
}

TEST_F(CollectionTest, EstimatedDocumentCount) {
  client.queue_response(json::parse(R"({"status":{"count":12345}})"));
  EXPECT_EQ(stats.estimated_document_count(), 12345);
  EXPECT_EQ(last_command(), json::parse(R"({"estimatedDocumentCount":{}})"));
}

TEST_F(CollectionTest, InsertOneReturnsTheId) {
  client.queue_response(json::parse(R"({"status":{"insertedIds":["generated-id"]}})"));
  EXPECT_EQ(stats.insert_one({{"views", 0}}), "generated-id");
  EXPECT_EQ(last_command(), json::parse(R"({"insertOne":{"document":{"views":0}}})"));
}

TEST_F(CollectionTest, DuplicateIdThrows) {
  client.queue_response(canned::error_response(canned::error_object("REQUEST", "DOCUMENT", "DOCUMENT_ALREADY_EXISTS")));
  EXPECT_THROW(stats.insert_one({{"_id", "a"}}), DataApiError);
}

TEST_F(CollectionTest, InsertManyReportsDuplicatesWithTheirIds) {
  json duplicate = canned::error_object("REQUEST", "DOCUMENT", "DOCUMENT_ALREADY_EXISTS");
  duplicate["documentIds"] = json::array({"b"});
  client.queue_response({{"status", {{"insertedIds", json::array({"a", "c"})}}}, {"errors", json::array({duplicate})}});

  const data::InsertManyResult result = stats.insert_many({{{"_id", "a"}}, {{"_id", "b"}}, {{"_id", "c"}}});

  EXPECT_EQ(result.inserted_ids, std::vector<json>({"a", "c"}));
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].object["documentIds"], json::array({"b"}));
}

TEST_F(CollectionTest, VectorSearchOnDollarVector) {
  client.queue_response(canned::page(json::parse(R"([{"_id":"a","$similarity":0.75}])"), nullptr));

  const data::FindResult result =
      stats.find(Filter(), FindOptions().sort(Sort::by_vector("$vector", {0.5f, -1.0f})).limit(2).include_similarity());

  EXPECT_EQ(last_command(), json::parse(R"({"find":{"sort":{"$vector":[0.5,-1.0]},
      "options":{"includeSimilarity":true,"limit":2}}})"));
  EXPECT_DOUBLE_EQ(data::similarity_of(result.documents[0]), 0.75);
}

TEST_F(CollectionTest, FindOne) {
  client.queue_response(json::parse(R"({"data":{"document":{"_id":"a"}}})"));
  EXPECT_EQ(stats.find_one(Filter().eq("_id", "a")), json({{"_id", "a"}}));
  EXPECT_EQ(last_command(), json::parse(R"({"findOne":{"filter":{"_id":"a"}}})"));
}

TEST_F(CollectionTest, FindAllFollowsPages) {
  client.queue_response(canned::page(json::parse(R"([{"_id":"a"}])"), "s1"));
  client.queue_response(canned::page(json::parse(R"([{"_id":"b"}])"), nullptr));
  EXPECT_EQ(stats.find_all(Filter(), 10).documents.size(), 2u);
  EXPECT_EQ(last_command(), json::parse(R"({"find":{"options":{"pageState":"s1"}}})"));
}

TEST_F(CollectionTest, DeleteOneCounts) {
  client.queue_response(json::parse(R"({"status":{"deletedCount":1}})"));
  EXPECT_EQ(stats.delete_one(Filter().eq("_id", "a")), 1);
  EXPECT_EQ(last_command(), json::parse(R"({"deleteOne":{"filter":{"_id":"a"}}})"));
}

TEST_F(CollectionTest, DeleteManyRepeatsWhileTheServerHasMore) {
  client.queue_response(json::parse(R"({"status":{"deletedCount":20,"moreData":true}})"));
  client.queue_response(json::parse(R"({"status":{"deletedCount":3}})"));

  EXPECT_EQ(stats.delete_many(Filter().eq("kind", "old")), 23);

  const auto calls = client.calls();
  ASSERT_EQ(calls.size(), 2u);
  EXPECT_EQ(calls[0].command, json::parse(R"({"deleteMany":{"filter":{"kind":"old"}}})"));
  EXPECT_EQ(calls[1].command, calls[0].command);
}

TEST_F(CollectionTest, DeleteManyStopsWhenNothingMoreIsDeleted) {
  client.queue_response(json::parse(R"({"status":{"deletedCount":0,"moreData":true}})"));
  EXPECT_EQ(stats.delete_many(Filter().eq("kind", "old")), 0);
  EXPECT_EQ(client.calls().size(), 1u);
}

TEST_F(CollectionTest, DeleteManyTruncateIsMinusOne) {
  client.queue_response(json::parse(R"({"status":{"deletedCount":-1}})"));
  EXPECT_EQ(stats.delete_many(Filter()), -1);
  EXPECT_EQ(last_command(), json::parse(R"({"deleteMany":{"filter":{}}})"));
}

}  // namespace
