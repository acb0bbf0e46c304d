#include <gtest/gtest.h>

#include "CannedResponses.h"
#include "killrvideo/plugin/data/DataApiError.h"
#include "killrvideo/plugin/data/Table.h"
#include "killrvideo/plugin/testing/FakeDataClient.h"

namespace {

using killrvideo::plugin::data::DataApiError;
using killrvideo::plugin::data::ErrorObject;
using killrvideo::plugin::data::Table;
using killrvideo::plugin::testing::FakeDataClient;
using json = nlohmann::ordered_json;
namespace canned = killrvideo::plugin::data::test;

DataApiError error_with(const std::string& family, const std::string& scope, const std::string& code) {
  return DataApiError({ErrorObject::from_json(canned::error_object(family, scope, code))});
}

DataApiError thrown_by(const json& response) {
  FakeDataClient client;
  client.queue_response(response);
  try {
    Table(client, "videos").find();
  } catch (const DataApiError& e) {
    return e;
  }
  ADD_FAILURE() << "expected DataApiError";
  return error_with("", "", "");
}

TEST(DataApiError, CarriesEveryFieldOfTheFirstErrorAndAllErrors) {
  const DataApiError error = thrown_by(json::parse(R"({"errors":[
      {"id":"e1","family":"REQUEST","scope":"SCHEMA","errorCode":"UNKNOWN_COLLECTION_OR_TABLE",
       "title":"Unknown table","message":"No table videos in keyspace killrvideo"},
      {"id":"e2","family":"REQUEST","scope":"FILTER","errorCode":"FILTER_INVALID_EXPRESSION","title":"t","message":"m"}]})"));

  EXPECT_EQ(error.error_code(), "UNKNOWN_COLLECTION_OR_TABLE");
  EXPECT_EQ(error.family(), "REQUEST");
  EXPECT_EQ(error.scope(), "SCHEMA");
  EXPECT_EQ(error.title(), "Unknown table");
  EXPECT_EQ(error.message(), "No table videos in keyspace killrvideo");
  ASSERT_EQ(error.errors().size(), 2u);
  EXPECT_EQ(error.errors()[0].id, "e1");
  EXPECT_EQ(error.errors()[1].error_code, "FILTER_INVALID_EXPRESSION");
  EXPECT_EQ(error.errors()[1].object["id"], "e2");
  EXPECT_STREQ(error.what(), "UNKNOWN_COLLECTION_OR_TABLE: No table videos in keyspace killrvideo (and 1 more)");
}

TEST(DataApiError, WarningsAloneDoNotThrowButErrorsDoEvenBesideData) {
  FakeDataClient client;
  client.queue_response({{"data", {{"documents", json::array()}, {"nextPageState", nullptr}}},
                         {"errors", json::array({canned::error_object("SERVER", "DATABASE", "FAILED_READ_REQUEST")})}});
  client.queue_response(
      {{"data", {{"documents", json::array()}, {"nextPageState", nullptr}}}, {"errors", json::array()}});
  EXPECT_THROW(Table(client, "videos").find(), DataApiError);
  EXPECT_NO_THROW(Table(client, "videos").find());
}

TEST(DataApiError, TheDataStoreIsUnavailableForServerFamilyAndTimeouts) {
  EXPECT_TRUE(error_with("SERVER", "DATABASE", "UNAVAILABLE_DATABASE").is_data_store_unavailable());
  EXPECT_TRUE(error_with("SERVER", "DATABASE", "FAILED_WRITE_REQUEST").is_data_store_unavailable());
  EXPECT_TRUE(error_with("SERVER", "", "INTERNAL_SERVER_ERROR").is_data_store_unavailable());
  // Named by code even when a host-made error leaves the family out.
  EXPECT_TRUE(error_with("", "DATABASE", "UNAVAILABLE_DATABASE").is_data_store_unavailable());
  EXPECT_TRUE(error_with("", "DATABASE", "TIMEOUT_READING_DATA").is_data_store_unavailable());
  EXPECT_FALSE(error_with("REQUEST", "SCHEMA", "UNKNOWN_COLLECTION_OR_TABLE").is_data_store_unavailable());
  EXPECT_FALSE(error_with("REQUEST", "DOCUMENT", "DOCUMENT_ALREADY_EXISTS").is_data_store_unavailable());
}

TEST(DataApiError, AnUnreachableDatabaseAsTheHostReportsIt) {
  FakeDataClient client;  // nothing queued: it answers as the host does when the database is unreachable
  try {
    Table(client, "videos").find();
    FAIL() << "expected DataApiError";
  } catch (const DataApiError& e) {
    EXPECT_EQ(e.error_code(), "UNAVAILABLE_DATABASE");
    EXPECT_TRUE(e.is_data_store_unavailable());
  }
}

TEST(ErrorObject, MissingFieldsStayEmpty) {
  const ErrorObject object = ErrorObject::from_json(json::parse(R"({"errorCode":"X","message":7})"));
  EXPECT_EQ(object.error_code, "X");
  EXPECT_EQ(object.message, "");
  EXPECT_EQ(object.family, "");
  EXPECT_EQ(object.object, json::parse(R"({"errorCode":"X","message":7})"));
}

}  // namespace
