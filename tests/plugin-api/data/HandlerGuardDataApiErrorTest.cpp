// A route whose data command fails: Registrar::route's guard answers 503 when the store is out of reach
// (api-contract §1.4) and the generic 500 otherwise, keeping the cause for the host's log only.
#include <gtest/gtest.h>

#include "CannedResponses.h"
#include "killrvideo/plugin/Responses.h"
#include "killrvideo/plugin/data/Table.h"
#include "killrvideo/plugin/testing/FakeHost.h"
#include "killrvideo/plugin/testing/ResponseJson.h"

namespace {

using killrvideo::plugin::Access;
using killrvideo::plugin::Method;
using killrvideo::plugin::Request;
using killrvideo::plugin::Response;
using killrvideo::plugin::data::Table;
using killrvideo::plugin::testing::FakeHost;
using killrvideo::plugin::testing::response_json;
using json = nlohmann::ordered_json;
namespace plugin = killrvideo::plugin;
namespace canned = killrvideo::plugin::data::test;

class HandlerGuardDataApiErrorTest : public ::testing::Test {
 protected:
  HandlerGuardDataApiErrorTest() {
    host.route(Method::Get, "/api/v1/videos", Access::Public, [this](const Request&) {
      return plugin::json_response(200, {{"data", json(Table(host.data(), "videos").find().documents)}});
    });
  }

  Response list_videos() { return host.call(Method::Get, "/api/v1/videos?page=1"); }

  FakeHost host{"test"};
};

nlohmann::json problem(int status, const std::string& title, const std::string& detail) {
  return {{"type", "about:blank"},
          {"title", title},
          {"status", status},
          {"detail", detail},
          {"instance", "http://testserver/api/v1/videos?page=1"}};
}

TEST_F(HandlerGuardDataApiErrorTest, UnreachableDatabaseIs503) {
  // Nothing queued: FakeDataClient answers UNAVAILABLE_DATABASE, as the host does.
  const Response response = list_videos();
  EXPECT_EQ(response.status, 503);
  EXPECT_EQ(response_json(response),
            problem(503, "Service Unavailable", "Unable to reach data store. Please try again later."));
  EXPECT_EQ(response.failure, "UNAVAILABLE_DATABASE: FakeDataClient: no response queued for this command");
}

TEST_F(HandlerGuardDataApiErrorTest, DatabaseTimeoutIs503) {
  host.data().queue_response(canned::error_response(
      canned::error_object("SERVER", "DATABASE", "TIMEOUT_READING_DATA", "read timed out after 10 s")));
  const Response response = list_videos();
  EXPECT_EQ(response.status, 503);
  EXPECT_EQ(response.failure, "TIMEOUT_READING_DATA: read timed out after 10 s");
}

TEST_F(HandlerGuardDataApiErrorTest, AnyOtherDataApiErrorIsTheGeneric500) {
  host.data().queue_response(canned::error_response(
      canned::error_object("REQUEST", "SCHEMA", "UNKNOWN_COLLECTION_OR_TABLE", "no table videos: secret detail")));
  const Response response = list_videos();
  EXPECT_EQ(response.status, 500);
  EXPECT_EQ(response_json(response), problem(500, "Internal Server Error", std::string(plugin::kInternalErrorDetail)));
  EXPECT_EQ(response.body.find("secret"), std::string::npos);
  EXPECT_EQ(response.failure, "UNKNOWN_COLLECTION_OR_TABLE: no table videos: secret detail");
}

TEST_F(HandlerGuardDataApiErrorTest, SuccessPassesThrough) {
  host.data().queue_response(canned::page(json::parse(R"([{"videoid":"v1"}])"), nullptr));
  const Response response = list_videos();
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response_json(response), nlohmann::json::parse(R"({"data":[{"videoid":"v1"}]})"));
}

}  // namespace
