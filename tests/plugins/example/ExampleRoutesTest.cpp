// The example's two routes, answered through the testing kit exactly as the host would answer them.
#include "ExamplePlugin.h"

#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "killrvideo/plugin/testing/FakeHost.h"
#include "killrvideo/plugin/testing/ResponseJson.h"

namespace {

using killrvideo::example::ExamplePlugin;
using killrvideo::plugin::Method;
using killrvideo::plugin::Principal;
using killrvideo::plugin::testing::FakeHost;
using killrvideo::plugin::testing::response_json;
using nlohmann::json;

const Principal kViewer{"9f0c3a52-4a0e-4d3b-8f3e-6b1f2d9c7a10", {"viewer"}};

class ExampleRoutesTest : public ::testing::Test {
 protected:
  ExampleRoutesTest() { host_.load<ExamplePlugin>(); }

  killrvideo::plugin::Response echo(const json& body) {
    return host_.call(Method::Post, "/api/v1/example/echo", body, kViewer);
  }

  // The 422 body for one issue at ["body","message"].
  static json one_issue(const std::string& type, const std::string& msg, const json& input,
                        const json& ctx = nullptr) {
    json issue = {{"type", type}, {"loc", {"body", "message"}}, {"msg", msg}, {"input", input}};
    if (!ctx.is_null()) issue["ctx"] = ctx;
    return {{"detail", json::array({issue})}};
  }

  FakeHost host_{"example"};
};

TEST(ExampleRoutesConfig, GreetingUsesTheConfiguredWord) {
  FakeHost host("example", R"({"greeting":"Hi"})"_json);
  host.load<ExamplePlugin>();

  const auto response = host.call(Method::Get, "/api/v1/example/greetings/Ada");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.content_type, "application/json");
  EXPECT_EQ(response_json(response), json({{"greeting", "Hi, Ada!"}, {"viewsSeen", 0}}));
}

TEST_F(ExampleRoutesTest, GreetingDefaultsToHelloAndDecodesTheName) {
  const auto response = host_.call(Method::Get, "/api/v1/example/greetings/Ada%20Lovelace");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response_json(response), json({{"greeting", "Hello, Ada Lovelace!"}, {"viewsSeen", 0}}));
}

TEST_F(ExampleRoutesTest, EchoReturnsTheMessageItsLengthAndTheCaller) {
  const auto response = echo({{"message", "héllo"}, {"ignored", true}});
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response_json(response), json({{"message", "héllo"}, {"length", 5}, {"userId", kViewer.user_id}}));
}

TEST_F(ExampleRoutesTest, EchoAcceptsExactly200Characters) {
  const std::string longest(200, 'x');
  const auto response = echo({{"message", longest}});
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response_json(response)["length"], 200);
}

TEST_F(ExampleRoutesTest, EchoWithoutMessageIsMissing) {
  // BodyReader leaves a missing field's input null where Pydantic shows the whole body: a body may hold a
  // password beside the missing field, and a 422 never echoes a secret.
  const auto response = echo({{"text", "hi"}});
  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(response_json(response), one_issue("missing", "Field required", nullptr));
}

TEST_F(ExampleRoutesTest, EchoWithoutBodyIsTheBodyMissing) {
  const auto response = echo(nullptr);
  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(response_json(response),
            json::parse(R"({"detail":[{"type":"missing","loc":["body"],"msg":"Field required","input":null}]})"));
}

TEST_F(ExampleRoutesTest, EchoWithANumberIsStringType) {
  const auto response = echo({{"message", 7}});
  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(response_json(response), one_issue("string_type", "Input should be a valid string", 7));
}

TEST_F(ExampleRoutesTest, EchoWithAnEmptyMessageIsStringTooShort) {
  const auto response = echo({{"message", ""}});
  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(response_json(response),
            one_issue("string_too_short", "String should have at least 1 character", "", {{"min_length", 1}}));
}

TEST_F(ExampleRoutesTest, EchoWith201CharactersIsStringTooLong) {
  const std::string too_long(201, 'x');
  const auto response = echo({{"message", too_long}});
  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(response_json(response), one_issue("string_too_long", "String should have at most 200 characters",
                                               too_long, {{"max_length", 200}}));
}

TEST_F(ExampleRoutesTest, EchoCountsCharactersNotBytes) {
  std::string two_hundred_accents;
  for (int i = 0; i < 200; ++i) two_hundred_accents += "é";
  const auto response = echo({{"message", two_hundred_accents}});
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response_json(response)["length"], 200);
}

TEST_F(ExampleRoutesTest, EchoWithoutAPrincipalIsUnauthorized) {
  const auto response = host_.call(Method::Post, "/api/v1/example/echo", {{"message", "hi"}});
  EXPECT_EQ(response.status, 401);
  EXPECT_EQ(response_json(response), json({{"type", "about:blank"},
                                           {"title", "Unauthorized"},
                                           {"status", 401},
                                           {"detail", "Not authenticated"},
                                           {"instance", "http://testserver/api/v1/example/echo"}}));
}

}  // namespace
