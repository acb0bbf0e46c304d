// Passwords never come back in an answer nor reach the server's log, whatever the client gets wrong.

#include <gtest/gtest.h>

#include "tests/integration/accounts/AccountsServer.h"

namespace killrvideo::testing {
namespace {

using nlohmann::json;

TEST(PasswordSecrecyTest, NoAnswerAndNoLogLineCarriesAPassword) {
  const ServerProcess server(accounts_config());
  HttpClient client(server.base_url());
  const std::string secret = "Sup3rSecretPw";
  const std::string short_secret = "S3cr3t!";  // too short to register: a 422

  const auto too_short = client.post(
      "/api/v1/users/register",
      json({{"firstName", "A"}, {"lastName", "B"}, {"email", "leak@example.com"}, {"password", short_secret}}).dump());
  ASSERT_EQ(too_short.status, 422) << too_short.body;
  EXPECT_EQ(too_short.json()["detail"][0]["input"], "**********");

  const auto with_nul = client.post("/api/v1/users/register",
                                    R"({"firstName":"A","lastName":"B","email":"nul@example.com","password":"Sup3r\u0000Secret"})");
  ASSERT_EQ(with_nul.status, 422) << with_nul.body;
  EXPECT_EQ(with_nul.json()["detail"][0]["msg"], "Value error, a password must not contain a NUL character");

  ASSERT_EQ(client.post("/api/v1/users/register", json({{"firstName", "A"}, {"lastName", "B"},
                                                        {"email", "leak@example.com"}, {"password", secret}})
                                                      .dump())
                .status,
            201);
  const auto empty = log_in(client, "leak@example.com", "");
  ASSERT_EQ(empty.status, 422);
  EXPECT_EQ(empty.json()["detail"][0]["input"], "**********");
  const auto wrong = log_in(client, "leak@example.com", secret + "x");
  EXPECT_EQ(wrong.status, 401);
  const auto right = log_in(client, "leak@example.com", secret);
  ASSERT_EQ(right.status, 200);

  for (const auto* response : {&too_short, &with_nul, &empty, &wrong, &right}) {
    EXPECT_EQ(response->body.find("S3cr3t"), std::string::npos) << response->body;
    EXPECT_EQ(response->body.find("Sup3r"), std::string::npos) << response->body;
  }
  // Once the last request's access-log line is out, so are all the lines these requests made.
  const std::string output = server.output_with("POST /api/v1/users/login 200");
  ASSERT_NE(output.find("POST /api/v1/users/login 200"), std::string::npos) << output;
  EXPECT_EQ(output.find("S3cr3t"), std::string::npos) << output;
  EXPECT_EQ(output.find("Sup3r"), std::string::npos) << output;
}

TEST(PasswordSecrecyTest, ControlBytesInAPathAreEscapedInTheAccessLog) {
  const ServerProcess server(accounts_config());
  RawConnection connection(server.port());
  connection.send(std::string("GET /api/v1/users/\x1b[31mred\x7f HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
  const std::string response = connection.read_response();
  ASSERT_FALSE(response.empty());
  const std::string output = server.output_with("/api/v1/users/\\x1b[31mred\\x7f");
  EXPECT_EQ(output.find('\x1b'), std::string::npos) << "no raw escape byte reaches the log";
  EXPECT_NE(output.find("/api/v1/users/\\x1b[31mred\\x7f"), std::string::npos) << output;
}

}  // namespace
}  // namespace killrvideo::testing
