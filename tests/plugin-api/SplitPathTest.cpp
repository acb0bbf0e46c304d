#include <gtest/gtest.h>

#include "killrvideo/plugin/PathPattern.h"

namespace {

using killrvideo::plugin::split_path;
using killrvideo::plugin::url_decode;
using Segments = std::vector<std::string>;

TEST(SplitPath, DecodesEachSegment) { EXPECT_EQ(split_path("/a/b%20c"), (Segments{"a", "b c"})); }

TEST(SplitPath, EncodedSlashStaysInsideItsSegment) {
  EXPECT_EQ(split_path("/files/a%2Fb/c"), (Segments{"files", "a/b", "c"}));
}

TEST(SplitPath, TrailingSlashLeavesALastEmptySegment) {
  EXPECT_EQ(split_path("/a/"), (Segments{"a", ""}));
  EXPECT_EQ(split_path("/a//b"), (Segments{"a", "", "b"}));
}

TEST(SplitPath, RootAndEmptyHaveNoSegments) {
  EXPECT_TRUE(split_path("/").empty());
  EXPECT_TRUE(split_path("").empty());
}

TEST(SplitPath, PlusIsLiteralInAPath) { EXPECT_EQ(split_path("/tags/c++"), (Segments{"tags", "c++"})); }

TEST(UrlDecode, PlusBecomesSpaceOnlyWhenAsked) {
  EXPECT_EQ(url_decode("two+words", false), "two+words");
  EXPECT_EQ(url_decode("two+words", true), "two words");
  EXPECT_EQ(url_decode("a%2Bb", true), "a+b");
}

TEST(UrlDecode, DecodesEitherCaseOfHex) { EXPECT_EQ(url_decode("%41%4a%4A%c3%a9", false), "AJJ\xC3\xA9"); }

TEST(UrlDecode, KeepsInvalidEscapesAsTheyAre) {
  EXPECT_EQ(url_decode("100%", false), "100%");
  EXPECT_EQ(url_decode("%4", false), "%4");
  EXPECT_EQ(url_decode("%zz%41", false), "%zzA");
}

}  // namespace
