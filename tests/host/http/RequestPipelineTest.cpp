// The order of checks decides status codes (api-contract §1.4); these run the pipeline in-process.

#include "http/RequestPipeline.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "killrvideo/plugin/Errors.h"
#include "killrvideo/plugin/Registrar.h"
#include "killrvideo/plugin/Responses.h"
#include "services/UuidGenerator.h"

namespace killrvideo::host {
namespace {

using plugin::Access;
using plugin::Method;

class RequestPipelineTest : public ::testing::Test {
 protected:
  RequestPipelineTest() {
    router_.add({plugin::PathPattern("/items"), Method::Post, Access::Viewer,
                 plugin::guard_route([](const plugin::Request& request) {
                   if (!request.body().contains("name")) {
                     throw plugin::ValidationError({{"missing", {"body", "name"}, "Field required", nullptr, nullptr}});
                   }
                   return plugin::json_response(201, {{"by", request.principal()->user_id}, {"name", request.body()["name"]}});
                 }),
                 "test"});
    router_.add({plugin::PathPattern("/fail"), Method::Get, Access::Public,
                 plugin::guard_route([](const plugin::Request&) -> plugin::Response { throw std::runtime_error("db password=hunter2"); }),
                 "test"});
  }

  plugin::Response send(const std::string& method, const std::string& path, const std::string& body = "",
                        HeaderList headers = {}) {
    IncomingRequest request;
    request.method = method;
    request.raw_path = path;
    request.body = body;
    request.headers = std::move(headers);
    request.headers.emplace_back("Host", "kv.test");
    return pipeline_.handle(request);
  }

  static nlohmann::json json_of(const plugin::Response& response) { return nlohmann::json::parse(response.body); }

  static AccessDecision gate(Access, std::optional<std::string_view> authorization) {
    AccessDecision decision;
    if (!authorization) {
      decision.refusal_status = 401;
      decision.refusal_detail = "Not authenticated";
    } else {
      decision.principal = plugin::Principal{"u-1", {"viewer"}};
    }
    return decision;
  }

  Router router_;
  CorsPolicy cors_{{"http://localhost:8080"}};
  UuidGenerator ids_;
  Metrics metrics_;
  RequestPipeline pipeline_{router_, cors_, gate, ids_, metrics_, {64, false}};
};

TEST_F(RequestPipelineTest, OversizedBodyIs413EvenOnAnUnknownRoute) {
  EXPECT_EQ(send("POST", "/nowhere", std::string(65, 'x')).status, 413);
}

TEST_F(RequestPipelineTest, UnknownRouteIs404BeforeTheBodyIsParsed) {
  EXPECT_EQ(send("POST", "/nowhere", "{not json").status, 404);
}

TEST_F(RequestPipelineTest, MalformedJsonIs422BeforeAuth) {
  const auto response = send("POST", "/items", "{not json");
  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(json_of(response)["detail"][0]["type"], "json_invalid");
}

TEST_F(RequestPipelineTest, AuthIsCheckedBeforeTheHandlerValidates) {
  const auto response = send("POST", "/items", "{}");
  EXPECT_EQ(response.status, 401);
  EXPECT_EQ(json_of(response), nlohmann::json({{"type", "about:blank"},
                                                {"title", "Unauthorized"},
                                                {"status", 401},
                                                {"detail", "Not authenticated"},
                                                {"instance", "http://kv.test/items"}}));
}

TEST_F(RequestPipelineTest, HandlerValidationIs422AfterAuth) {
  const auto response = send("POST", "/items", "{}", {{"Authorization", "Bearer x"}});
  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(json_of(response)["detail"][0]["loc"], nlohmann::json({"body", "name"}));
}

TEST_F(RequestPipelineTest, HandlerSeesBodyAndPrincipal) {
  const auto response = send("POST", "/items", R"({"name":"n"})", {{"Authorization", "Bearer x"}});
  EXPECT_EQ(response.status, 201);
  EXPECT_EQ(json_of(response), nlohmann::json({{"by", "u-1"}, {"name", "n"}}));
}

TEST_F(RequestPipelineTest, FailureTextNeverReachesTheClient) {
  const auto response = send("GET", "/fail");
  EXPECT_EQ(response.status, 500);
  EXPECT_EQ(response.body.find("hunter2"), std::string::npos);
  EXPECT_TRUE(response.failure.empty());
}

TEST_F(RequestPipelineTest, EveryResponseCarriesARequestId) {
  const auto response = send("GET", "/nowhere", "", {{"X-Request-Id", "abc-1"}});
  EXPECT_NE(std::find(response.headers.begin(), response.headers.end(),
                      std::make_pair(std::string("X-Request-Id"), std::string("abc-1"))),
            response.headers.end());
  const auto unsafe = send("GET", "/nowhere", "", {{"X-Request-Id", "bad id\r\nX-Evil: 1"}});
  for (const auto& [name, value] : unsafe.headers) {
    if (name == "X-Request-Id") EXPECT_EQ(value.size(), 36U) << "an unsafe id is replaced, not echoed";
  }
}

TEST_F(RequestPipelineTest, MetricsCountByRoutePattern) {
  send("GET", "/fail");
  send("GET", "/nowhere");
  const std::string text = metrics_.render();
  EXPECT_NE(text.find("killrvideo_http_requests_total{method=\"GET\",route=\"/fail\",status=\"500\"} 1"), std::string::npos)
      << text;
  EXPECT_NE(text.find("killrvideo_http_requests_total{method=\"GET\",route=\"unmatched\",status=\"404\"} 1"),
            std::string::npos)
      << text;
}

}  // namespace
}  // namespace killrvideo::host
