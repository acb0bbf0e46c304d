#include "killrvideo/plugin/PathPattern.h"

#include <stdexcept>

#include <gtest/gtest.h>

namespace {

using killrvideo::plugin::PathPattern;
using Params = std::vector<std::pair<std::string, std::string>>;

TEST(PathPattern, LiteralMatchesOnlyItsExactSegments) {
  const PathPattern pattern("/api/v1/videos/latest");
  Params params;
  EXPECT_TRUE(pattern.match({"api", "v1", "videos", "latest"}, params));
  EXPECT_TRUE(params.empty());
  EXPECT_FALSE(pattern.match({"api", "v1", "videos", "Latest"}, params));
  EXPECT_FALSE(pattern.match({"api", "v1", "videos"}, params));
  EXPECT_FALSE(pattern.match({"api", "v1", "videos", "latest", ""}, params));
  EXPECT_EQ(pattern.shape(), "/api/v1/videos/latest");
}

TEST(PathPattern, ParameterTakesAnyNonEmptySegment) {
  const PathPattern pattern("/users/{name}/activity");
  Params params;
  ASSERT_TRUE(pattern.match({"users", "a b/c", "activity"}, params));
  EXPECT_EQ(params, (Params{{"name", "a b/c"}}));
  EXPECT_FALSE(pattern.match({"users", "", "activity"}, params));
}

TEST(PathPattern, LiteralAtTheFirstDifferingSegmentIsMoreSpecific) {
  const PathPattern literal("/videos/latest/{x}");
  const PathPattern parameter("/videos/{id}/comments");
  EXPECT_TRUE(literal.more_specific_than(parameter));
  EXPECT_FALSE(parameter.more_specific_than(literal));
  EXPECT_FALSE(literal.more_specific_than(literal));
}

TEST(PathPattern, UuidParameterTakesOnlyLowercaseCanonicalUuids) {
  const PathPattern pattern("/videos/{id:uuid}");
  Params params;
  ASSERT_TRUE(pattern.match({"videos", "9f0c3a52-4a0e-4d3b-8f3e-6b1f2d9c7a10"}, params));
  EXPECT_EQ(params, (Params{{"id", "9f0c3a52-4a0e-4d3b-8f3e-6b1f2d9c7a10"}}));
  EXPECT_FALSE(pattern.match({"videos", "9F0C3A52-4A0E-4D3B-8F3E-6B1F2D9C7A10"}, params));
  EXPECT_FALSE(pattern.match({"videos", "9f0c3a524a0e4d3b8f3e6b1f2d9c7a10"}, params));
  EXPECT_FALSE(pattern.match({"videos", "{9f0c3a52-4a0e-4d3b-8f3e-6b1f2d9c7a10}"}, params));
  EXPECT_FALSE(pattern.match({"videos", "latest"}, params));
}

TEST(PathPattern, ShapeErasesParameterNamesAndTypes) {
  EXPECT_EQ(PathPattern("/videos/{id:uuid}/comments").shape(), "/videos/{}/comments");
  EXPECT_EQ(PathPattern("/videos/{video}/comments").shape(), "/videos/{}/comments");
  EXPECT_EQ(PathPattern("/").shape(), "/");
}

TEST(PathPattern, FailedMatchLeavesParamsUntouched) {
  const PathPattern pattern("/a/{x}/c");
  Params params{{"kept", "yes"}};
  EXPECT_FALSE(pattern.match({"a", "b", "d"}, params));
  EXPECT_EQ(params, (Params{{"kept", "yes"}}));
}

TEST(PathPattern, MalformedPatternsThrow) {
  for (const char* malformed : {"", "videos", "/videos/", "/videos//x", "/videos/{id", "/videos/{}", "/videos/id}",
                                "/videos/x{id}", "/videos/{id:int}", "/videos/{:uuid}"}) {
    EXPECT_THROW(PathPattern{malformed}, std::invalid_argument) << "pattern: '" << malformed << "'";
  }
}

}  // namespace
