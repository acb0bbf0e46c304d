// The order of checks decides status codes (api-contract §1.4); these run the pipeline in-process.

#include "http/RequestPipeline.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "killrvideo/plugin/Errors.h"
#include "killrvideo/plugin/Registrar.h"
#include "killrvideo/plugin/Responses.h"

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
    router_.add({plugin::PathPattern("/tags/{tag}"), Method::Get, Access::Public,
                 plugin::guard_route([](const plugin::Request& request) {
                   return plugin::json_response(200, {{"tag", request.path_param("tag").value_or("")}});
                 }),
                 "test"});
    router_.add({plugin::PathPattern("/fail"), Method::Get, Access::Public,
                 plugin::guard_route([](const plugin::Request&) -> plugin::Response { throw std::runtime_error("db password=hunter2"); }),
                 "test"});
  }

  plugin::Response send(const std::string& method, const std::string& path, const std::string& body = "",
                        HeaderList headers = {}, std::vector<std::pair<std::string, std::string>> query = {}) {
    IncomingRequest request;
    request.method = method;
    request.raw_path = path;
    request.query = std::move(query);
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
  Metrics metrics_;
  RequestPipeline pipeline_{router_, cors_, gate, metrics_, {64, false}};
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

TEST_F(RequestPipelineTest, ANumberBeyondADoubleIs422NotA500) {
  for (const std::string& number : std::vector<std::string>{"1e999", "-1e999", "7e4567"}) {
    const auto response = send("POST", "/items", R"({"name":)" + number + "}", {{"Authorization", "Bearer t"}});
    EXPECT_EQ(response.status, 422) << number;
    EXPECT_EQ(json_of(response)["detail"][0]["type"], "json_invalid") << number;
  }
}

TEST_F(RequestPipelineTest, APathParameterThatIsNotUtf8Is422) {
  const auto response = send("GET", "/tags/%FFx");
  ASSERT_EQ(response.status, 422) << response.body;
  const auto issue = json_of(response)["detail"][0];
  EXPECT_EQ(issue["type"], "string_unicode");
  EXPECT_EQ(issue["loc"], nlohmann::json({"path", "tag"}));
  EXPECT_EQ(issue["input"], "\xEF\xBF\xBDx") << "the bad byte shows as U+FFFD";
}

TEST_F(RequestPipelineTest, ANulInAPathOrQueryParameterIs422) {
  EXPECT_EQ(send("GET", "/tags/a%00b").status, 422);
  const auto response = send("GET", "/tags/ok", "", {}, {{"q", std::string("a\0b", 3)}});
  ASSERT_EQ(response.status, 422) << response.body;
  EXPECT_EQ(json_of(response)["detail"][0]["loc"], nlohmann::json({"query", "q"}));
}

TEST_F(RequestPipelineTest, AQueryParameterThatIsNotUtf8Is422AndReadableOnesPass) {
  EXPECT_EQ(send("GET", "/tags/ok", "", {}, {{"q", "\xC3\x28"}}).status, 422);
  EXPECT_EQ(send("GET", "/tags/ok", "", {}, {{"\xFF", "v"}}).status, 422);
  EXPECT_EQ(send("GET", "/tags/caf%C3%A9", "", {}, {{"q", "caf\xC3\xA9"}}).status, 200);
}

TEST_F(RequestPipelineTest, RawBytesInThePathArePercentEncodedInTheInstance) {
  IncomingRequest request{"GET", std::string("/a b\xFF\r\n", 7), {}, "q=\x01", {{"Host", "kv.test"}}, ""};
  const auto refused = pipeline_.refuse(request, 503, "busy");
  EXPECT_EQ(json_of(refused)["instance"], "http://kv.test/a%20b%FF%0D%0A?q=%01");
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
