// The HTTP layer of the real server: statuses and bodies of the framework-level answers, CORS, limits,
// keep-alive, request ids, metrics and failure isolation.

#include <gtest/gtest.h>

#include "tests/integration/TestConfig.h"
#include "tests/support/HttpClient.h"

namespace killrvideo::testing {
namespace {

class HttpBehaviourTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new ServerProcess(test_config("  - { name: throwing }\n  - { name: example, enabled: true }\n",
                                            "max_body_bytes: 256"));
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  HttpClient client_{server_->base_url()};
  static ServerProcess* server_;
};
ServerProcess* HttpBehaviourTest::server_ = nullptr;

TEST_F(HttpBehaviourTest, HealthAnswersWelcome) {
  const auto response = client_.get("/");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.json(), nlohmann::json({{"message", "Welcome to KillrVideo C++ Backend!"}}));
  EXPECT_EQ(response.header("content-type"), "application/json");
}

TEST_F(HttpBehaviourTest, UnknownPathIsJson404) {
  const auto response = client_.get("/api/v1/nowhere");
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response.json(), nlohmann::json({{"detail", "Not Found"}}));
}

TEST_F(HttpBehaviourTest, WrongMethodIsJson405WithAllow) {
  const auto response = client_.request("DELETE", "/api/v1/fixtures/ok", "", {});
  EXPECT_EQ(response.status, 405);
  EXPECT_EQ(response.json(), nlohmann::json({{"detail", "Method Not Allowed"}}));
  EXPECT_EQ(response.header("allow"), "GET");
}

TEST_F(HttpBehaviourTest, TrailingSlashRedirectsToTheRoute) {
  const auto response = client_.get("/api/v1/fixtures/ok/?x=1");
  EXPECT_EQ(response.status, 307);
  EXPECT_EQ(response.header("location"), "/api/v1/fixtures/ok?x=1");
}

TEST_F(HttpBehaviourTest, PathAndQueryAreUrlDecoded) {
  const auto response = client_.get("/api/v1/example/greetings/J%C3%BCrgen%20K");
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(response.json()["greeting"], "Hello, Jürgen K!");
}

TEST_F(HttpBehaviourTest, ThrowingHandlerGives500ProblemAndServerKeepsServing) {
  const auto failed = client_.get("/api/v1/fixtures/boom", {"Host: kv.test"});
  EXPECT_EQ(failed.status, 500);
  EXPECT_EQ(failed.json(), nlohmann::json({{"type", "about:blank"},
                                           {"title", "Internal Server Error"},
                                           {"status", 500},
                                           {"detail", "An unexpected internal server error occurred."},
                                           {"instance", "http://kv.test/api/v1/fixtures/boom"}}));
  EXPECT_EQ(failed.body.find("kaboom"), std::string::npos);
  const auto next = client_.get("/api/v1/fixtures/ok");
  EXPECT_EQ(next.status, 200);
  EXPECT_EQ(next.json(), nlohmann::json({{"ok", true}}));
  EXPECT_NE(server_->output().find("kaboom"), std::string::npos) << "the failure is logged for operators";
}

TEST_F(HttpBehaviourTest, BodyOverTheLimitIs413Json) {
  const auto response = client_.post("/api/v1/fixtures/body", "{\"text\":\"" + std::string(400, 'x') + "\"}");
  EXPECT_EQ(response.status, 413);
  const auto body = response.json();
  EXPECT_EQ(body["title"], "Request Entity Too Large");
  EXPECT_EQ(body["detail"], "Request body too large: 411 bytes; the limit is 256");
}

TEST_F(HttpBehaviourTest, BodyWithinTheLimitIsParsed) {
  const auto response = client_.post("/api/v1/fixtures/body", R"({"a":[1,2,{"b":null}]})");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.json(), nlohmann::json::parse(R"({"received":{"a":[1,2,{"b":null}]}})"));
}

TEST_F(HttpBehaviourTest, MalformedJsonIs422JsonInvalid) {
  const auto response = client_.post("/api/v1/fixtures/body", "{\"a\":");
  EXPECT_EQ(response.status, 422);
  const auto item = response.json()["detail"][0];
  EXPECT_EQ(item["type"], "json_invalid");
  EXPECT_EQ(item["loc"][0], "body");
  EXPECT_EQ(item["msg"], "JSON decode error");
}

TEST_F(HttpBehaviourTest, AbsurdlyNestedJsonIsRefusedNotCrashed) {
  const auto response = client_.post("/api/v1/fixtures/body", std::string(120, '[') + std::string(120, ']'));
  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(client_.get("/").status, 200);
}

TEST_F(HttpBehaviourTest, PreflightFromAllowedOriginEchoesIt) {
  const auto response = client_.request("OPTIONS", "/api/v1/fixtures/body", "",
                                        {"Origin: http://localhost:8080", "Access-Control-Request-Method: POST",
                                         "Access-Control-Request-Headers: authorization,content-type"});
  EXPECT_EQ(response.status, 204);
  EXPECT_EQ(response.header("access-control-allow-origin"), "http://localhost:8080");
  EXPECT_EQ(response.header("access-control-allow-credentials"), "true");
  EXPECT_EQ(response.header("access-control-allow-methods"), "POST");
  EXPECT_EQ(response.header("access-control-allow-headers"), "authorization,content-type");
  EXPECT_EQ(response.header("vary"), "Origin");
}

TEST_F(HttpBehaviourTest, PreflightFromOtherOriginIsRefused) {
  const auto response = client_.request("OPTIONS", "/api/v1/fixtures/body", "",
                                        {"Origin: http://evil.test", "Access-Control-Request-Method: POST"});
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(response.json(), nlohmann::json({{"detail", "Disallowed CORS origin"}}));
  EXPECT_EQ(response.header("access-control-allow-origin"), "");
}

TEST_F(HttpBehaviourTest, SimpleRequestFromAllowedOriginCarriesCorsHeaders) {
  const auto response = client_.get("/api/v1/fixtures/ok", {"Origin: http://localhost:8080"});
  EXPECT_EQ(response.header("access-control-allow-origin"), "http://localhost:8080");
  EXPECT_EQ(response.header("access-control-allow-credentials"), "true");
}

TEST_F(HttpBehaviourTest, RequestIdIsEchoedOrGenerated) {
  EXPECT_EQ(client_.get("/", {"X-Request-Id: trace-123"}).header("x-request-id"), "trace-123");
  const std::string generated = client_.get("/").header("x-request-id");
  EXPECT_EQ(generated.size(), 36U);
  EXPECT_NE(generated, client_.get("/").header("x-request-id"));
}

TEST_F(HttpBehaviourTest, Http11KeepsTheConnectionWithoutAConnectionHeader) {
  RawConnection connection(server_->port());
  const std::string request = "GET /api/v1/fixtures/ok HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  connection.send(request);
  const std::string first = connection.read_response();
  ASSERT_NE(first.find("HTTP/1.1 200"), std::string::npos) << first;
  EXPECT_EQ(first.find("Connection: Close"), std::string::npos) << first;
  EXPECT_FALSE(connection.closed_by_server());
  connection.send(request);
  const std::string second = connection.read_response();
  EXPECT_NE(second.find("HTTP/1.1 200"), std::string::npos) << second;
  EXPECT_NE(second.find("{\"ok\":true}"), std::string::npos) << second;
}

TEST_F(HttpBehaviourTest, ConnectionCloseIsHonoured) {
  RawConnection connection(server_->port());
  connection.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
  EXPECT_NE(connection.read_response().find("HTTP/1.1 200"), std::string::npos);
  EXPECT_TRUE(connection.closed_by_server(2000));
}

// What an HTTP proxy such as the frontend's does for every request: read the "Connection: close" answer,
// hang up at once, connect again. The server's own hang-up of the first connection must never land on the
// next one, which may have been given the same descriptor number.
TEST_F(HttpBehaviourTest, ClosingAfterAnAnswerNeverCutsTheClientsNextConnection) {
  constexpr int kConnections = 1000;
  int cut = 0;
  for (int i = 0; i < kConnections; ++i) {
    RawConnection connection(server_->port());
    connection.send("GET /api/v1/fixtures/ok HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    if (connection.read_response().find("HTTP/1.1 200") == std::string::npos) ++cut;
  }
  EXPECT_EQ(cut, 0) << cut << " of " << kConnections << " connections closed before their answer";
}

TEST_F(HttpBehaviourTest, MetricsCountRequestsByRouteAndListPlugins) {
  client_.get("/api/v1/fixtures/ok");
  const auto response = client_.get("/metrics");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.header("content-type"), "text/plain; version=0.0.4");
  EXPECT_NE(response.body.find("killrvideo_http_requests_total{method=\"GET\",route=\"/api/v1/fixtures/ok\","
                               "status=\"200\"}"),
            std::string::npos)
      << response.body;
  EXPECT_NE(response.body.find("killrvideo_http_request_duration_seconds_bucket{le=\"+Inf\"}"), std::string::npos);
  EXPECT_NE(response.body.find("killrvideo_plugin_loaded{plugin=\"throwing\""), std::string::npos);
  EXPECT_NE(response.body.find("killrvideo_plugin_loaded{plugin=\"example\""), std::string::npos);
}

// The access log is written in batches: a line reaches stdout within a second.
TEST_F(HttpBehaviourTest, EveryRequestGetsAnAccessLogLine) {
  client_.get("/api/v1/fixtures/ok", {"X-Request-Id: access-log-probe"});
  const std::string output = server_->output_with("request_id=access-log-probe");
  EXPECT_NE(output.find("[access] GET /api/v1/fixtures/ok 200"), std::string::npos) << output;
  EXPECT_NE(output.find("request_id=access-log-probe"), std::string::npos);
}

TEST_F(HttpBehaviourTest, FailingSubscriberNeverFailsThePublisher) {
  const auto response = client_.post("/api/v1/fixtures/publish", R"({"n":1})");
  EXPECT_EQ(response.status, 202);
  EXPECT_NE(server_->output().find("subscriber plugin 'throwing' failed"), std::string::npos) << server_->output();
}

}  // namespace
}  // namespace killrvideo::testing
