#include "killrvideo/plugin/Responses.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "killrvideo/plugin/testing/ResponseJson.h"

namespace {

using killrvideo::plugin::testing::response_json;
using nlohmann::json;
namespace plugin = killrvideo::plugin;

TEST(ProblemResponse, HasTheFiveKeysAndTheReasonAsTitle) {
  const auto response = plugin::problem_response(404, "Video not found", "http://testserver/api/v1/videos/x?a=1");
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response.content_type, "application/json");
  EXPECT_EQ(response_json(response), json({{"type", "about:blank"},
                                           {"title", "Not Found"},
                                           {"status", 404},
                                           {"detail", "Video not found"},
                                           {"instance", "http://testserver/api/v1/videos/x?a=1"}}));
}

TEST(ReasonPhrase, NamesTheStatusesTheApiUses) {
  EXPECT_EQ(plugin::reason_phrase(400), "Bad Request");
  EXPECT_EQ(plugin::reason_phrase(401), "Unauthorized");
  EXPECT_EQ(plugin::reason_phrase(403), "Forbidden");
  EXPECT_EQ(plugin::reason_phrase(422), "Unprocessable Entity");
  EXPECT_EQ(plugin::reason_phrase(502), "Bad Gateway");
  EXPECT_EQ(plugin::reason_phrase(503), "Service Unavailable");
  EXPECT_EQ(plugin::reason_phrase(299), "Unknown");
}

TEST(ValidationResponse, WritesCtxOnlyWhenAnIssueHasOne) {
  const auto response = plugin::validation_response(
      {{"missing", {"query", "query"}, "Field required", nullptr, nullptr},
       {"greater_than_equal", {"query", "page"}, "Input should be greater than or equal to 1", "0", {{"ge", 1}}}});
  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(response_json(response), json::parse(R"({"detail":[
      {"type":"missing","loc":["query","query"],"msg":"Field required","input":null},
      {"type":"greater_than_equal","loc":["query","page"],"msg":"Input should be greater than or equal to 1",
       "input":"0","ctx":{"ge":1}}]})"));
}

TEST(DetailResponse, IsTheFrameworkShape) {
  const auto response = plugin::detail_response(405, "Method Not Allowed");
  EXPECT_EQ(response.status, 405);
  EXPECT_EQ(response.body, R"({"detail":"Method Not Allowed"})");
}

TEST(NoContent, HasNoBodyAndNoContentType) {
  const auto response = plugin::no_content();
  EXPECT_EQ(response.status, 204);
  EXPECT_TRUE(response.body.empty());
  EXPECT_TRUE(response.content_type.empty());
}

TEST(JsonResponse, ReplacesInvalidUtf8InsteadOfThrowing) {
  const auto response = plugin::json_response(200, {{"name", "bad \xFF byte"}});
  EXPECT_EQ(response_json(response), json({{"name", "bad \xEF\xBF\xBD byte"}}));
}

}  // namespace
