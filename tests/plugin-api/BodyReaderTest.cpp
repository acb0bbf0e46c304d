#include "killrvideo/plugin/BodyReader.h"

#include <gtest/gtest.h>

#include "killrvideo/plugin/Pagination.h"
#include "killrvideo/plugin/testing/FakeRequest.h"

namespace killrvideo::plugin {
namespace {

using nlohmann::json;

testing::FakeRequest request_with(json body) { return testing::FakeRequest(Method::Post, "/x", std::move(body)); }

std::vector<ValidationIssue> issues_of(const BodyReader& reader) {
  try {
    reader.finish();
  } catch (const ValidationError& e) {
    return e.issues();
  }
  return {};
}

TEST(BodyReader, ReadsValidFields) {
  const auto request = request_with({{"firstName", "Ann"}, {"email", "Ann@Example.COM"}, {"rating", 4},
                                     {"tags", {"a", "b"}}, {"status", "open"}, {"extra", true}});
  BodyReader body(request);
  EXPECT_EQ(body.string("firstName", 1, 50), "Ann");
  EXPECT_EQ(body.email("email"), "Ann@example.com");
  EXPECT_EQ(body.integer("rating", 1, 5), 4);
  EXPECT_EQ(body.string_list("tags"), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(body.choice("status", {"open", "closed"}), "open");
  EXPECT_NO_THROW(body.finish());
}

TEST(BodyReader, CollectsEveryIssueInFastApiShape) {
  const auto request = request_with({{"firstName", ""}, {"email", "not-an-email"}, {"rating", 9}, {"status", "x"}});
  BodyReader body(request);
  body.string("firstName", 1, 50);
  body.string("lastName", 1, 50);
  body.email("email");
  body.integer("rating", 1, 5);
  body.choice("status", {"open", "closed"});
  const auto issues = issues_of(body);
  ASSERT_EQ(issues.size(), 5U);
  EXPECT_EQ(issues[0].type, "string_too_short");
  EXPECT_EQ(issues[0].msg, "String should have at least 1 character");
  EXPECT_EQ(issues[0].loc, (std::vector<json>{"body", "firstName"}));
  EXPECT_EQ(issues[1].type, "missing");
  EXPECT_EQ(issues[2].type, "value_error");
  EXPECT_EQ(issues[3].type, "less_than_equal");
  EXPECT_EQ(issues[3].ctx, json({{"le", 5}}));
  EXPECT_EQ(issues[4].type, "enum");
  EXPECT_EQ(issues[4].msg, "Input should be 'open' or 'closed'");
}

TEST(BodyReader, LengthsCountCodePoints) {
  const auto request = request_with({{"name", "Jürgen"}});
  BodyReader body(request);
  EXPECT_EQ(body.string("name", 6, 6), "Jürgen");
  EXPECT_NO_THROW(body.finish());
}

TEST(BodyReader, OptionalAbsentOrNullIsNotAnIssue) {
  const auto request = request_with({{"description", nullptr}});
  BodyReader body(request);
  EXPECT_EQ(body.string("description", 0, 10, Presence::Optional), std::nullopt);
  EXPECT_EQ(body.string("title", 1, 10, Presence::Optional), std::nullopt);
  EXPECT_NO_THROW(body.finish());
}

TEST(BodyReader, MissingBodyIsOneIssue) {
  const auto request = request_with(nullptr);
  BodyReader body(request);
  body.string("email", 1, 10);
  const auto issues = issues_of(body);
  ASSERT_EQ(issues.size(), 1U);
  EXPECT_EQ(issues[0].type, "missing");
  EXPECT_EQ(issues[0].loc, (std::vector<json>{"body"}));
}

TEST(BodyReader, PasswordIssuesNeverEchoThePassword) {
  const auto request = request_with({{"short", "abc"}, {"number", 12345678}, {"nul", std::string("abcdefgh\0ij", 11)}});
  BodyReader body(request);
  EXPECT_EQ(body.password("short", 8), std::nullopt);
  EXPECT_EQ(body.password("number", 8), std::nullopt);
  EXPECT_EQ(body.password("nul", 8), std::nullopt);
  EXPECT_EQ(body.password("absent", 8), std::nullopt);

  const auto issues = issues_of(body);
  ASSERT_EQ(issues.size(), 4u);
  EXPECT_EQ(issues[0].type, "string_too_short");
  EXPECT_EQ(issues[1].type, "string_type");
  EXPECT_EQ(issues[2].type, "value_error");
  EXPECT_EQ(issues[2].msg, "Value error, a password must not contain a NUL character");
  for (int i = 0; i < 3; ++i) EXPECT_EQ(issues[i].input, kRedactedInput) << i;
  EXPECT_EQ(issues[3].type, "missing");
  EXPECT_TRUE(issues[3].input.is_null());
}

TEST(BodyReader, APasswordOfAnyLengthAboveTheMinimumIsRead) {
  const auto request = request_with({{"password", std::string(500, 'p')}});
  BodyReader body(request);
  EXPECT_EQ(body.password("password", 8), std::string(500, 'p'));
  EXPECT_NO_THROW(body.finish());
}

TEST(Pagination, EnvelopeCountsPagesAndEchoesTheRequest) {
  EXPECT_EQ(page_envelope(json::array(), {2, 10}, 21),
            json::parse(R"({"data":[],"pagination":{"currentPage":2,"pageSize":10,"totalItems":21,"totalPages":3}})"));
  EXPECT_EQ(page_envelope(json::array(), {1, 10}, 0)["pagination"]["totalPages"], 0);
  EXPECT_EQ(page_offset({3, 20}), 40);
}

}  // namespace
}  // namespace killrvideo::plugin
