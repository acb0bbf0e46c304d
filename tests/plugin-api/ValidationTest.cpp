#include "killrvideo/plugin/Validation.h"

#include <functional>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "killrvideo/plugin/Errors.h"
#include "killrvideo/plugin/Responses.h"
#include "killrvideo/plugin/testing/FakeRequest.h"
#include "killrvideo/plugin/testing/ResponseJson.h"

namespace {

using killrvideo::plugin::Method;
using killrvideo::plugin::ValidationError;
using killrvideo::plugin::testing::FakeRequest;
using killrvideo::plugin::testing::response_json;
using nlohmann::json;
namespace plugin = killrvideo::plugin;

// The 422 body a failed read produces; fails the test when nothing was thrown.
json rejection_of(const std::function<void()>& read) {
  try {
    read();
  } catch (const ValidationError& e) {
    return response_json(plugin::validation_response(e.issues()));
  }
  ADD_FAILURE() << "expected a ValidationError";
  return nullptr;
}

FakeRequest get(const char* target) { return FakeRequest(Method::Get, target); }

TEST(QueryInt, MissingGivesTheDefault) { EXPECT_EQ(plugin::query_int(get("/x"), "limit", 7, 1, 10), 7); }

TEST(QueryInt, ReadsAValueInRange) {
  EXPECT_EQ(plugin::query_int(get("/x?limit=1"), "limit", 7, 1, 10), 1);
  EXPECT_EQ(plugin::query_int(get("/x?limit=10"), "limit", 7, 1, 10), 10);
  EXPECT_EQ(plugin::query_int(get("/x?limit=-3"), "limit", 7, -5, 10), -3);
}

TEST(QueryInt, NotAnIntegerIsIntParsing) {
  const json expected = json::parse(R"({"detail":[{"type":"int_parsing","loc":["query","limit"],
      "msg":"Input should be a valid integer, unable to parse string as an integer","input":"ten"}]})");
  EXPECT_EQ(rejection_of([] { plugin::query_int(get("/x?limit=ten"), "limit", 7, 1, 10); }), expected);
}

TEST(QueryInt, EmptyAndTrailingGarbageAreIntParsing) {
  EXPECT_EQ(rejection_of([] { plugin::query_int(get("/x?limit="), "limit", 7, 1, 10); })["detail"][0]["input"], "");
  EXPECT_EQ(rejection_of([] { plugin::query_int(get("/x?limit=5x"), "limit", 7, 1, 10); })["detail"][0]["type"],
            "int_parsing");
  EXPECT_EQ(rejection_of([] { plugin::query_int(get("/x?limit=99999999999"), "limit", 7, 1, 10); })["detail"][0]["type"],
            "int_parsing");
}

TEST(QueryInt, BelowMinimumIsGreaterThanEqual) {
  const json expected = json::parse(R"({"detail":[{"type":"greater_than_equal","loc":["query","limit"],
      "msg":"Input should be greater than or equal to 1","input":"0","ctx":{"ge":1}}]})");
  EXPECT_EQ(rejection_of([] { plugin::query_int(get("/x?limit=0"), "limit", 7, 1, 10); }), expected);
}

TEST(QueryInt, AboveMaximumIsLessThanEqual) {
  const json expected = json::parse(R"({"detail":[{"type":"less_than_equal","loc":["query","limit"],
      "msg":"Input should be less than or equal to 10","input":"11","ctx":{"le":10}}]})");
  EXPECT_EQ(rejection_of([] { plugin::query_int(get("/x?limit=11"), "limit", 7, 1, 10); }), expected);
}

TEST(PageRequest, DefaultsToFirstPageOfTen) {
  const plugin::PageRequest page = plugin::page_request(get("/videos"));
  EXPECT_EQ(page.page, 1);
  EXPECT_EQ(page.page_size, 10);
}

TEST(PageRequest, ReadsBothParameters) {
  const plugin::PageRequest page = plugin::page_request(get("/videos?page=3&pageSize=100"));
  EXPECT_EQ(page.page, 3);
  EXPECT_EQ(page.page_size, 100);
}

TEST(PageRequest, PageSizeZeroIsRejected) {
  const json expected = json::parse(R"({"detail":[{"type":"greater_than_equal","loc":["query","pageSize"],
      "msg":"Input should be greater than or equal to 1","input":"0","ctx":{"ge":1}}]})");
  EXPECT_EQ(rejection_of([] { plugin::page_request(get("/videos?pageSize=0")); }), expected);
}

TEST(PageRequest, PageSize101IsRejected) {
  const json expected = json::parse(R"({"detail":[{"type":"less_than_equal","loc":["query","pageSize"],
      "msg":"Input should be less than or equal to 100","input":"101","ctx":{"le":100}}]})");
  EXPECT_EQ(rejection_of([] { plugin::page_request(get("/videos?pageSize=101")); }), expected);
}

TEST(PageRequest, PageZeroIsRejected) {
  const json expected = json::parse(R"({"detail":[{"type":"greater_than_equal","loc":["query","page"],
      "msg":"Input should be greater than or equal to 1","input":"0","ctx":{"ge":1}}]})");
  EXPECT_EQ(rejection_of([] { plugin::page_request(get("/videos?page=0")); }), expected);
}

TEST(RequiredQueryString, MissingAndEmptyAreRejected) {
  const json missing = json::parse(R"({"detail":[{"type":"missing","loc":["query","query"],
      "msg":"Field required","input":null}]})");
  const json too_short = json::parse(R"({"detail":[{"type":"string_too_short","loc":["query","query"],
      "msg":"String should have at least 1 character","input":"","ctx":{"min_length":1}}]})");
  EXPECT_EQ(rejection_of([] { plugin::required_query_string(get("/search"), "query"); }), missing);
  EXPECT_EQ(rejection_of([] { plugin::required_query_string(get("/search?query="), "query"); }), too_short);
  EXPECT_EQ(plugin::required_query_string(get("/search?query=cats+and+dogs"), "query"), "cats and dogs");
}

FakeRequest with_path_param(const char* name, const char* value) {
  FakeRequest request(Method::Get, "/x");
  request.set_path_params({{name, value}});
  return request;
}

TEST(UuidPathParam, AcceptsAnyCaseAndReturnsLowercase) {
  EXPECT_EQ(plugin::uuid_path_param(with_path_param("id", "9F0C3A52-4A0E-4D3B-8F3E-6B1F2D9C7A10"), "id"),
            "9f0c3a52-4a0e-4d3b-8f3e-6b1f2d9c7a10");
}

TEST(UuidPathParam, NotAUuidIsUuidParsing) {
  const json expected = json::parse(R"({"detail":[{"type":"uuid_parsing","loc":["path","id"],
      "msg":"Input should be a valid UUID, invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-]",
      "input":"not-a-uuid"}]})");
  EXPECT_EQ(rejection_of([] { plugin::uuid_path_param(with_path_param("id", "not-a-uuid"), "id"); }), expected);
}

TEST(CanonicalUuid, OnlyLowercaseEightFourFourFourTwelve) {
  EXPECT_TRUE(plugin::is_canonical_uuid("9f0c3a52-4a0e-4d3b-8f3e-6b1f2d9c7a10"));
  EXPECT_FALSE(plugin::is_canonical_uuid("9F0C3A52-4A0E-4D3B-8F3E-6B1F2D9C7A10"));
  EXPECT_FALSE(plugin::is_canonical_uuid("9f0c3a52-4a0e-4d3b-8f3e-6b1f2d9c7a1"));
  EXPECT_FALSE(plugin::is_canonical_uuid("9f0c3a52x4a0e-4d3b-8f3e-6b1f2d9c7a10"));
}

}  // namespace
