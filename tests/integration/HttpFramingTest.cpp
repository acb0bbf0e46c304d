// The HTTP layer under careless and hostile clients, byte for byte over raw loopback connections: every
// error it makes is JSON and logged, pipelined requests are answered in order, HEAD answers carry no
// body, idle and slow connections are closed, and one client cannot hold every connection.

#include <memory>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/integration/TestConfig.h"
#include "tests/support/HttpClient.h"

namespace killrvideo::testing {
namespace {

using nlohmann::json;

constexpr int kConnectionsPerClient = 8;

class HttpFramingTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new ServerProcess(test_config("  - { name: throwing }\n  - { name: example, enabled: true }\n",
                                            "max_body_bytes: 256\n"
                                            "  idle_timeout_seconds: 1\n"
                                            "  request_timeout_seconds: 2"));
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  // The answer to `bytes` sent on a fresh connection.
  static std::string exchange(const std::string& bytes) {
    RawConnection connection(server_->port());
    connection.send(bytes);
    return connection.read_response();
  }

  static json body_of(const std::string& response) {
    const auto head_end = response.find("\r\n\r\n");
    return json::parse(response.substr(head_end == std::string::npos ? response.size() : head_end + 4));
  }

  static ServerProcess* server_;
};
ServerProcess* HttpFramingTest::server_ = nullptr;

std::string post_with_length(const std::string& length_headers, const std::string& body = "") {
  return "POST /api/v1/fixtures/body HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" +
         length_headers + "\r\n" + body;
}

void expect_json_problem(const std::string& response, int status, const std::string& detail) {
  ASSERT_EQ(response.rfind("HTTP/1.1 " + std::to_string(status), 0), 0U) << response;
  EXPECT_NE(response.find("Content-Type: application/json"), std::string::npos) << response;
  const auto head_end = response.find("\r\n\r\n");
  ASSERT_NE(head_end, std::string::npos) << response;
  const json body = json::parse(response.substr(head_end + 4));
  EXPECT_EQ(body["status"], status) << body;
  EXPECT_EQ(body["detail"], detail) << body;
}

TEST_F(HttpFramingTest, ANegativeOrHugeContentLengthIs400Json) {
  expect_json_problem(exchange(post_with_length("Content-Length: -5\r\n")), 400, "Invalid Content-Length header");
  expect_json_problem(exchange(post_with_length("Content-Length: 18446744073709551616\r\n")), 400,
                      "Invalid Content-Length header");
  expect_json_problem(exchange(post_with_length("Content-Length: 12abc\r\n")), 400, "Invalid Content-Length header");
  EXPECT_NE(server_->output().find("refused before parsing: 400 Invalid Content-Length header"), std::string::npos)
      << "refusals are logged";
}

TEST_F(HttpFramingTest, TwoDifferentContentLengthsAre400Json) {
  expect_json_problem(exchange(post_with_length("Content-Length: 2\r\nContent-Length: 3\r\n", "{}")), 400,
                      "Conflicting Content-Length headers");
}

TEST_F(HttpFramingTest, RepeatedEqualContentLengthsAreOneLength) {
  const std::string response = exchange(post_with_length("Content-Length: 2\r\ncontent-length: 2\r\n", "{}"));
  EXPECT_EQ(response.rfind("HTTP/1.1 200", 0), 0U) << response;
}

TEST_F(HttpFramingTest, AnOversizedBodyIsAJson413BeforeItIsSent) {
  RawConnection connection(server_->port());
  connection.send(post_with_length("Content-Length: 4000000\r\n"));
  const std::string response = connection.read_response();
  expect_json_problem(response, 413, "Request body too large: 4000000 bytes; the limit is 256");
  EXPECT_TRUE(connection.closed_by_server(2000));
}

TEST_F(HttpFramingTest, AChunkedBodyIsA411Json) {
  expect_json_problem(exchange(post_with_length("Transfer-Encoding: chunked\r\n", "2\r\n{}\r\n0\r\n\r\n")), 411,
                      "Send the request body with a Content-Length; transfer codings are not accepted");
}

TEST_F(HttpFramingTest, AnUnreadableRequestLineIsA4xxJson) {
  const std::string response = exchange("\x01\x02 garbage\r\n\r\n");
  ASSERT_EQ(response.rfind("HTTP/1.1 4", 0), 0U) << response;
  EXPECT_TRUE(body_of(response).contains("detail")) << response;
}

TEST_F(HttpFramingTest, PipelinedRequestsAreAllAnsweredInOrder) {
  RawConnection connection(server_->port());
  connection.send("GET /api/v1/fixtures/ok HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                  "POST /api/v1/fixtures/body HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 7\r\n\r\n{\"n\":1}"
                  "GET /nowhere HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
  const std::string first = connection.read_response();
  const std::string second = connection.read_response();
  const std::string third = connection.read_response();
  EXPECT_EQ(body_of(first), json({{"ok", true}})) << first;
  EXPECT_EQ(body_of(second), json({{"received", {{"n", 1}}}})) << second;
  EXPECT_EQ(third.rfind("HTTP/1.1 404", 0), 0U) << third;
}

TEST_F(HttpFramingTest, AHeadAnswerHasNoBodyAndTheConnectionGoesOn) {
  RawConnection connection(server_->port());
  connection.send("HEAD / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\nGET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
  const std::string head = connection.read_response();
  ASSERT_EQ(head.rfind("HTTP/1.1 405", 0), 0U) << head;
  EXPECT_EQ(head.substr(head.find("\r\n\r\n") + 4), "") << head;
  const std::string get = connection.read_response();
  EXPECT_EQ(get.rfind("HTTP/1.1 200", 0), 0U) << "the next response starts where the HEAD answer ended: " << get;
}

TEST_F(HttpFramingTest, AnIdleKeepAliveConnectionIsClosedAfterTheIdleTimeout) {
  RawConnection connection(server_->port());
  connection.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
  ASSERT_EQ(connection.read_response().rfind("HTTP/1.1 200", 0), 0U);
  EXPECT_FALSE(connection.closed_by_server(500)) << "kept alive at first";
  EXPECT_TRUE(connection.closed_by_server(2000)) << "closed once idle for over a second";
}

TEST_F(HttpFramingTest, AConnectionThatNeverSendsAnythingIsClosedToo) {
  RawConnection connection(server_->port());
  EXPECT_TRUE(connection.closed_by_server(2500));
}

TEST_F(HttpFramingTest, ARequestStillIncompleteAfterTheRequestTimeoutGetsA408Json) {
  RawConnection connection(server_->port());
  connection.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n");
  const std::string response = connection.read_response(4000);
  expect_json_problem(response, 408, "Request not received in time");
  EXPECT_TRUE(connection.closed_by_server(1000));
}

// The cap test holds connections open: its server keeps idle ones for the default 30 s.
TEST(ConnectionCapTest, OneClientOverItsConnectionCapIsRefusedWhileOthersAreServed) {
  const ServerProcess server(test_config("  - { name: example, enabled: true }\n",
                                         "max_connections_per_client: " + std::to_string(kConnectionsPerClient)));
  std::vector<std::unique_ptr<RawConnection>> held;
  for (int i = 0; i < kConnectionsPerClient; ++i) {
    held.push_back(std::make_unique<RawConnection>(server.port(), "127.0.0.3"));
    held.back()->send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    ASSERT_EQ(held.back()->read_response().rfind("HTTP/1.1 200", 0), 0U) << "connection " << i;
  }

  RawConnection one_too_many(server.port(), "127.0.0.3");
  expect_json_problem(one_too_many.read_response(), 503, "Too many connections");
  EXPECT_TRUE(one_too_many.closed_by_server(1000));

  RawConnection other_client(server.port(), "127.0.0.4");
  other_client.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
  EXPECT_EQ(other_client.read_response().rfind("HTTP/1.1 200", 0), 0U) << "another address is still served";
  EXPECT_NE(server.output().find("connection from 127.0.0.3 refused: too many connections"), std::string::npos);

  held.pop_back();
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  RawConnection after_one_left(server.port(), "127.0.0.3");
  after_one_left.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
  EXPECT_EQ(after_one_left.read_response().rfind("HTTP/1.1 200", 0), 0U) << "a freed slot can be used again";
}

}  // namespace
}  // namespace killrvideo::testing
