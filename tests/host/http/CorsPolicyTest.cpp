#include "http/CorsPolicy.h"

#include <gtest/gtest.h>

namespace killrvideo::host {
namespace {

TEST(CorsPolicyTest, EchoesAnAllowedOriginWithCredentials) {
  const CorsPolicy cors({"http://localhost:8080/"});
  EXPECT_EQ(cors.response_headers(std::string_view("http://localhost:8080")),
            (HeaderList{{"Access-Control-Allow-Origin", "http://localhost:8080"},
                        {"Access-Control-Allow-Credentials", "true"},
                        {"Vary", "Origin"}}));
}

TEST(CorsPolicyTest, AddsNothingForOtherOriginsOrNone) {
  const CorsPolicy cors({"http://localhost:8080"});
  EXPECT_TRUE(cors.response_headers(std::string_view("http://evil.test")).empty());
  EXPECT_TRUE(cors.response_headers(std::nullopt).empty());
  EXPECT_FALSE(cors.preflight_headers("http://evil.test", "POST", std::nullopt).has_value());
}

TEST(CorsPolicyTest, StarAllowsAnyOriginButStillEchoesIt) {
  const CorsPolicy cors({"*"});
  const auto headers = cors.response_headers(std::string_view("https://app.example"));
  ASSERT_FALSE(headers.empty());
  EXPECT_EQ(headers[0].second, "https://app.example");
}

TEST(CorsPolicyTest, PreflightEchoesRequestedMethodAndHeaders) {
  const CorsPolicy cors({"http://localhost:8080"});
  const auto headers = cors.preflight_headers("http://localhost:8080", "PUT", std::string_view("authorization"));
  ASSERT_TRUE(headers.has_value());
  EXPECT_NE(std::find(headers->begin(), headers->end(), std::make_pair(std::string("Access-Control-Allow-Methods"), std::string("PUT"))),
            headers->end());
  EXPECT_NE(std::find(headers->begin(), headers->end(),
                      std::make_pair(std::string("Access-Control-Allow-Headers"), std::string("authorization"))),
            headers->end());
}

}  // namespace
}  // namespace killrvideo::host
