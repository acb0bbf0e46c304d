// Collection documents: _id, filters, updates with upsert, findOneAndUpdate, replaces, counts, deletes (data-api-wire §5).
#include <regex>

#include "EngineTestSupport.h"

namespace killrvideo::host::embedded::testing {
namespace {

class CollectionCommandsTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    ASSERT_EQ(run("", R"({"createCollection":{"name":"video_stats"}})"_json), json({{"status", {{"ok", 1}}}}));
  }
  json ids(const json& response) {
    json found = json::array();
    for (const auto& document : response["data"]["documents"]) found.push_back(document["_id"]);
    return found;
  }
};

TEST_F(CollectionCommandsTest, InsertGeneratesUuidIdsAndRefusesDuplicates) {
  const json inserted = run("video_stats", R"({"insertOne":{"document":{"views":1}}})"_json);
  const std::string id = inserted["status"]["insertedIds"][0];
  EXPECT_TRUE(std::regex_match(id, std::regex("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")));
  EXPECT_EQ(run("video_stats", R"({"insertOne":{"document":{"_id":"x","views":1}}})"_json), R"({"status":{"insertedIds":["x"]}})"_json);
  const json duplicate = run("video_stats", R"({"insertMany":{"documents":[{"_id":"y"},{"_id":"x"},{"_id":"z"}]}})"_json);
  EXPECT_EQ(duplicate["status"], R"({"insertedIds":["y","z"]})"_json);
  ASSERT_EQ(duplicate["errors"].size(), 1U);
  EXPECT_EQ(duplicate["errors"][0]["errorCode"], "DOCUMENT_ALREADY_EXISTS");
  expect_error(run("video_stats", R"({"insertOne":{"document":{"_id":[1]}}})"_json), "DOCUMENT", "SHRED_BAD_DOCID_TYPE",
               "Bad type for '_id' field", R"({"insertedIds":[]})"_json);
}

TEST_F(CollectionCommandsTest, FiltersOnDottedPathsAndOperators) {
  run("video_stats", R"({"insertMany":{"documents":[
      {"_id":"a","views":5,"meta":{"lang":"en","tags":["x","y"]}},
      {"_id":"b","views":10,"meta":{"lang":"fr","tags":["y"]}},
      {"_id":"c","views":15}]}})"_json);
  auto find = [&](const json& filter) { return ids(run("video_stats", {{"find", {{"filter", filter}}}})); };
  EXPECT_EQ(find(R"({"meta.lang":"fr"})"_json), R"(["b"])"_json);
  EXPECT_EQ(find(R"({"meta.tags":"x"})"_json), R"(["a"])"_json);
  EXPECT_EQ(find(R"({"meta.tags.0":"y"})"_json), R"(["b"])"_json);
  EXPECT_EQ(find(R"({"views":{"$gt":5,"$lte":15}})"_json), R"(["b","c"])"_json);
  EXPECT_EQ(find(R"({"meta":{"$exists":false}})"_json), R"(["c"])"_json);
  EXPECT_EQ(find(R"({"_id":{"$in":["a","c","zz"]}})"_json), R"(["a","c"])"_json);
  EXPECT_EQ(find(R"({"views":{"$nin":[5,10]}})"_json), R"(["c"])"_json);
  EXPECT_EQ(find(R"({"$or":[{"views":5},{"meta.lang":"fr"}]})"_json), R"(["a","b"])"_json);
  EXPECT_EQ(find(R"({"meta.tags":{"$all":["x","y"]}})"_json), R"(["a"])"_json);
  EXPECT_EQ(find(R"({"views":{"$ne":5}})"_json), R"(["b","c"])"_json);
  EXPECT_EQ(run("video_stats", R"({"findOne":{"filter":{"_id":"b"},"projection":{"meta.lang":1}}})"_json),
            R"({"data":{"document":{"_id":"b","meta":{"lang":"fr"}}}})"_json);
  EXPECT_EQ(run("video_stats", R"({"findOne":{"filter":{"_id":"nope"}}})"_json), R"({"data":{"document":null}})"_json);
  expect_error(run("video_stats", R"({"find":{"filter":{"views":{"$regex":"x"}}}})"_json), "FILTER", "FILTER_UNSUPPORTED_OPERATOR",
               "Unsupported filter operator");
}

TEST_F(CollectionCommandsTest, SortedFindIsInMemoryAndRefusesPageState) {
  run("video_stats", R"({"insertMany":{"documents":[{"_id":"a","views":5},{"_id":"b","views":15},{"_id":"c","views":10}]}})"_json);
  EXPECT_EQ(run("video_stats", R"({"find":{"sort":{"views":-1},"options":{"limit":2}}})"_json),
            R"({"data":{"documents":[{"_id":"b","views":15},{"_id":"c","views":10}],"nextPageState":null}})"_json);
  expect_error(run("video_stats", R"({"find":{"sort":{"views":-1},"options":{"pageState":"abc="}}})"_json), "SORT",
               "SORT_CLAUSE_INVALID", "Sort clause used by command not valid");
}

TEST_F(CollectionCommandsTest, UnsortedFindPages) {
  json documents = json::array();
  for (int i = 0; i < 70; ++i) documents.push_back({{"_id", i}});
  run("video_stats", {{"insertMany", {{"documents", documents}}}});
  const json first = run("video_stats", R"({"find":{}})"_json);
  ASSERT_EQ(first["data"]["documents"].size(), 50U);
  json next = R"({"find":{}})"_json;
  next["find"]["options"]["pageState"] = first["data"]["nextPageState"];
  const json second = run("video_stats", next);
  EXPECT_EQ(second["data"]["documents"].size(), 20U);
  EXPECT_EQ(second["data"]["nextPageState"], nullptr);
}

TEST_F(CollectionCommandsTest, ReplaceOneReplacesTheWholeDocumentKeepingItsId) {
  run("video_stats", R"({"insertMany":{"documents":[{"_id":"a","views":5,"title":"old"},{"_id":"b","views":9}]}})"_json);
  EXPECT_EQ(run("video_stats", R"({"replaceOne":{"filter":{"views":{"$gt":6}},"replacement":{"views":1,"fresh":true}}})"_json),
            R"({"status":{"matchedCount":1,"modifiedCount":1}})"_json);
  EXPECT_EQ(run("video_stats", R"({"findOne":{"filter":{"_id":"b"}}})"_json)["data"]["document"],
            R"({"_id":"b","views":1,"fresh":true})"_json);
  EXPECT_EQ(run("video_stats", R"({"replaceOne":{"filter":{"_id":"b"},"replacement":{"_id":"b","views":1,"fresh":true}}})"_json),
            R"({"status":{"matchedCount":1,"modifiedCount":0}})"_json);
  EXPECT_EQ(run("video_stats", R"({"replaceOne":{"filter":{"_id":"zz"},"replacement":{"views":3}}})"_json),
            R"({"status":{"matchedCount":0,"modifiedCount":0}})"_json);
  EXPECT_EQ(run("video_stats", R"({"replaceOne":{"filter":{"_id":"zz"},"replacement":{"views":3},"options":{"upsert":true}}})"_json),
            R"({"status":{"upsertedId":"zz","matchedCount":0,"modifiedCount":0}})"_json);
  EXPECT_EQ(run("video_stats", R"({"findOne":{"filter":{"_id":"zz"}}})"_json)["data"]["document"], R"({"_id":"zz","views":3})"_json);
  expect_error(run("video_stats", R"({"replaceOne":{"filter":{"_id":"a"},"replacement":{"_id":"other"}}})"_json), "DOCUMENT",
               "DOCUMENT_REPLACE_DIFFERENT_DOCID", "DOCUMENT_REPLACE_DIFFERENT_DOCID");
  expect_error(run("video_stats", R"({"replaceOne":{"filter":{"_id":"a"}}})"_json), "", "REQUEST_STRUCTURE_MISMATCH",
               "Request structure not valid");
}

TEST_F(CollectionCommandsTest, FindOneAndReplaceReturnsBeforeOrAfterInSortOrder) {
  run("video_stats", R"({"insertMany":{"documents":[{"_id":"a","views":5},{"_id":"b","views":9}]}})"_json);
  EXPECT_EQ(run("video_stats", R"({"findOneAndReplace":{"filter":{},"sort":{"views":-1},"replacement":{"views":0},
      "projection":{"views":1}}})"_json),
            R"({"data":{"document":{"_id":"b","views":9}},"status":{"matchedCount":1,"modifiedCount":1}})"_json);
  EXPECT_EQ(run("video_stats", R"({"findOneAndReplace":{"filter":{"_id":"a"},"replacement":{"views":6},
      "options":{"returnDocument":"after"}}})"_json),
            R"({"data":{"document":{"_id":"a","views":6}},"status":{"matchedCount":1,"modifiedCount":1}})"_json);
  EXPECT_EQ(run("video_stats", R"({"findOneAndReplace":{"filter":{"_id":"c"},"replacement":{"views":1}}})"_json),
            R"({"data":{"document":null},"status":{"matchedCount":0,"modifiedCount":0}})"_json);
}

TEST_F(CollectionCommandsTest, FindAndRerankIsRefusedAsNotImplementedHere) {
  const json response = run("video_stats", R"({"findAndRerank":{"sort":{"$hybrid":"cats"}}})"_json);
  expect_error(response, "", "COMMAND_NOT_IMPLEMENTED", "Command is not implemented by this local server");
  EXPECT_NE(response.dump().find("not implemented in this local server"), std::string::npos);
}

TEST_F(CollectionCommandsTest, FindOneAndUpdateCountsViewsAsInE13) {
  const json command = R"({"findOneAndUpdate":{"filter":{"_id":"1b0b5c3e-7a5e-4c4f-9d0a-3f2e1d0c9b8a"},
      "update":{"$inc":{"views":1},"$setOnInsert":{"first_view":{"$date":1748772900000}}},
      "options":{"upsert":true,"returnDocument":"after"}}})"_json;
  EXPECT_EQ(run("video_stats", command),
            R"({"data":{"document":{"_id":"1b0b5c3e-7a5e-4c4f-9d0a-3f2e1d0c9b8a","views":1,"first_view":{"$date":1748772900000}}},
               "status":{"upsertedId":"1b0b5c3e-7a5e-4c4f-9d0a-3f2e1d0c9b8a","matchedCount":0,"modifiedCount":0}})"_json);
  EXPECT_EQ(run("video_stats", command),
            R"({"data":{"document":{"_id":"1b0b5c3e-7a5e-4c4f-9d0a-3f2e1d0c9b8a","views":2,"first_view":{"$date":1748772900000}}},
               "status":{"matchedCount":1,"modifiedCount":1}})"_json);
  json before = command;
  before["findOneAndUpdate"]["options"]["returnDocument"] = "before";
  EXPECT_EQ(run("video_stats", before)["data"]["document"]["views"], 2);
}

TEST_F(CollectionCommandsTest, UpdateOperators) {
  run("video_stats", R"({"insertOne":{"document":{"_id":"a","views":1,"tags":["x"],"old":true}}})"_json);
  EXPECT_EQ(run("video_stats", R"({"updateOne":{"filter":{"_id":"a"},"update":{"$set":{"meta.lang":"en"},"$unset":{"old":""},
      "$inc":{"views":2.5},"$push":{"tags":{"$each":["y","z"]}},"$setOnInsert":{"never":1}}}})"_json),
            R"({"status":{"matchedCount":1,"modifiedCount":1}})"_json);
  EXPECT_EQ(run("video_stats", R"({"findOne":{"filter":{"_id":"a"}}})"_json)["data"]["document"],
            R"({"_id":"a","views":3.5,"tags":["x","y","z"],"meta":{"lang":"en"}})"_json);
  EXPECT_EQ(run("video_stats", R"({"updateOne":{"filter":{"_id":"nope"},"update":{"$set":{"v":1}}}})"_json),
            R"({"status":{"matchedCount":0,"modifiedCount":0}})"_json);
  EXPECT_EQ(run("video_stats", R"({"updateOne":{"filter":{"_id":"new"},"update":{"$set":{"v":1}},"options":{"upsert":true}}})"_json),
            R"({"status":{"upsertedId":"new","matchedCount":0,"modifiedCount":0}})"_json);
  expect_error(run("video_stats", R"({"updateOne":{"filter":{"_id":"a"},"update":{"$set":{"_id":"b"}}}})"_json), "UPDATE",
               "UNSUPPORTED_UPDATE_OPERATOR_FOR_DOC_ID", "Update operators cannot be used on _id field");
  expect_error(run("video_stats", R"({"updateOne":{"filter":{"_id":"a"},"update":{"$rename":{"a":"b"}}}})"_json), "UPDATE",
               "UNSUPPORTED_UPDATE_OPERATOR", "Update operator is not supported by target columns");
}

TEST_F(CollectionCommandsTest, CountsAndDeletes) {
  json documents = json::array();
  for (int i = 0; i < 30; ++i) documents.push_back({{"_id", i}, {"even", i % 2 == 0}});
  run("video_stats", {{"insertMany", {{"documents", documents}}}});
  EXPECT_EQ(run("video_stats", R"({"countDocuments":{"filter":{"even":true}}})"_json), R"({"status":{"count":15}})"_json);
  EXPECT_EQ(run("video_stats", R"({"estimatedDocumentCount":{}})"_json), R"({"status":{"count":30}})"_json);
  EXPECT_EQ(run("video_stats", R"({"deleteOne":{"filter":{"_id":0}}})"_json), R"({"status":{"deletedCount":1}})"_json);
  EXPECT_EQ(run("video_stats", R"({"deleteOne":{"filter":{"_id":0}}})"_json), R"({"status":{"deletedCount":0}})"_json);
  EXPECT_EQ(run("video_stats", R"({"deleteMany":{"filter":{"even":true}}})"_json), R"({"status":{"deletedCount":14}})"_json);
  EXPECT_EQ(run("video_stats", R"({"findOneAndDelete":{"filter":{"_id":1}}})"_json),
            R"({"data":{"document":{"_id":1,"even":false}},"status":{"deletedCount":1}})"_json);
  EXPECT_EQ(run("video_stats", R"({"deleteMany":{}})"_json), R"({"status":{"deletedCount":-1}})"_json);
  EXPECT_EQ(run("video_stats", R"({"countDocuments":{"filter":{}}})"_json), R"({"status":{"count":0}})"_json);
}

TEST_F(CollectionCommandsTest, CountStopsAtItsUpperBound) {
  for (int batch = 0; batch < 11; ++batch) {
    json documents = json::array();
    for (int i = 0; i < 100; ++i) documents.push_back({{"_id", batch * 100 + i}});
    run("video_stats", {{"insertMany", {{"documents", documents}}}});
  }
  EXPECT_EQ(run("video_stats", R"({"countDocuments":{"filter":{}}})"_json), R"({"status":{"count":1000,"moreData":true}})"_json);
}

TEST_F(CollectionCommandsTest, VectorsNeedAVectorCollection) {
  expect_error(run("video_stats", R"({"find":{"sort":{"$vector":[1,2]}}})"_json), "SORT",
               "UNSUPPORTED_VECTOR_SORT_FOR_COLLECTION", "Vector sorting not supported by the collection");
  expect_error(run("video_stats", R"({"find":{"sort":{"$vectorize":"text"}}})"_json), "SCHEMA",
               "EMBEDDING_SERVICE_NOT_CONFIGURED", "Embedding service not configured for collection");
}

}  // namespace
}  // namespace killrvideo::host::embedded::testing
