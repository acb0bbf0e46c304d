#include "killrvideo/plugin/testing/FakeRequest.h"

#include <gtest/gtest.h>

namespace {

using killrvideo::plugin::Method;
using killrvideo::plugin::Principal;
using killrvideo::plugin::testing::FakeRequest;

TEST(FakeRequest, SplitsTheTargetIntoDecodedPathAndAbsoluteUrl) {
  const FakeRequest request(Method::Get, "/api/v1/search/a%20b?query=x");
  EXPECT_EQ(request.method(), Method::Get);
  EXPECT_EQ(request.path(), "/api/v1/search/a b");
  EXPECT_EQ(request.url(), "http://testserver/api/v1/search/a%20b?query=x");
  EXPECT_EQ(request.request_id(), "test-request");
}

TEST(FakeRequest, DecodesQueryValuesWithPlusAsSpaceAndKeepsTheFirstOfARepeat) {
  const FakeRequest request(Method::Get, "/s?q=two+words%21&page=2&page=3&flag&&empty=");
  EXPECT_EQ(request.query_param("q"), "two words!");
  EXPECT_EQ(request.query_param("page"), "2");
  EXPECT_EQ(request.query_param("flag"), "");
  EXPECT_EQ(request.query_param("empty"), "");
  EXPECT_FALSE(request.query_param("absent").has_value());
}

TEST(FakeRequest, DecodesQueryKeys) {
  const FakeRequest request(Method::Get, "/s?page%53ize=5");
  EXPECT_EQ(request.query_param("pageSize"), "5");
}

TEST(FakeRequest, LooksUpHeadersIgnoringCase) {
  const FakeRequest request(Method::Get, "/", nullptr, std::nullopt, {{"X-Request-ID", "abc"}});
  EXPECT_EQ(request.header("x-request-id"), "abc");
  EXPECT_FALSE(request.header("X-Request").has_value());
}

TEST(FakeRequest, CarriesBodyPrincipalAndPathParams) {
  FakeRequest request(Method::Post, "/v/1", {{"a", 1}}, Principal{"u1", {"viewer"}});
  request.set_path_params({{"id", "1"}});
  EXPECT_EQ(request.body(), nlohmann::json({{"a", 1}}));
  ASSERT_NE(request.principal(), nullptr);
  EXPECT_EQ(request.principal()->user_id, "u1");
  EXPECT_EQ(request.path_param("id"), "1");
  EXPECT_FALSE(request.path_param("other").has_value());
}

TEST(FakeRequest, HasNullBodyAndNoPrincipalByDefault) {
  const FakeRequest request(Method::Get, "/");
  EXPECT_TRUE(request.body().is_null());
  EXPECT_EQ(request.principal(), nullptr);
}

}  // namespace
