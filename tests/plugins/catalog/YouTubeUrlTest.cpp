#include <gtest/gtest.h>

#include "YouTubeUrl.h"

namespace killrvideo::catalog {
namespace {

class YouTubeUrlForms : public ::testing::TestWithParam<const char*> {};

TEST_P(YouTubeUrlForms, YieldTheElevenCharacterId) { EXPECT_EQ(extract_youtube_id(GetParam()), "abcdefghijk"); }

// The seven forms of the reference's service test (api-contract §9), plus the optional-scheme form.
INSTANTIATE_TEST_SUITE_P(ReferenceForms, YouTubeUrlForms,
                         ::testing::Values("https://youtu.be/abcdefghijk", "http://youtu.be/abcdefghijk",
                                           "https://www.youtube.com/watch?v=abcdefghijk",
                                           "https://youtube.com/watch?v=abcdefghijk",
                                           "https://www.youtube.com/embed/abcdefghijk",
                                           "https://www.youtube.com/v/abcdefghijk",
                                           "https://www.youtube.com/shorts/abcdefghijk", "youtube.com/watch?v=abcdefghijk"));

TEST(YouTubeUrlTest, NothingIsRequiredAfterTheId) {
  EXPECT_EQ(extract_youtube_id("https://www.youtube.com/watch?v=abcdefghijk&t=42s"), "abcdefghijk");
  EXPECT_EQ(extract_youtube_id("https://youtu.be/A-_0zZ9aB1cXYZ"), "A-_0zZ9aB1c");
}

TEST(YouTubeUrlTest, OtherHostsAndFormsHaveNoId) {
  EXPECT_EQ(extract_youtube_id("https://example.com/watch?v=abcdefghijk"), std::nullopt);
  EXPECT_EQ(extract_youtube_id("https://m.youtube.com/watch?v=abcdefghijk"), std::nullopt);
  EXPECT_EQ(extract_youtube_id("https://www.youtube.com/watch?feature=x&v=abcdefghijk"), std::nullopt);
  EXPECT_EQ(extract_youtube_id("https://youtu.be/short"), std::nullopt);
  EXPECT_EQ(extract_youtube_id("https://youtu.be/abcde!ghijk"), std::nullopt);
  EXPECT_EQ(extract_youtube_id(""), std::nullopt);
}

TEST(YouTubeUrlTest, ThumbnailAndShortUrlOfAnId) {
  EXPECT_EQ(default_thumbnail_url("abcdefghijk"), "https://i.ytimg.com/vi/abcdefghijk/hqdefault.jpg");
  EXPECT_EQ(short_youtube_url("abcdefghijk"), "https://youtu.be/abcdefghijk");
}

}  // namespace
}  // namespace killrvideo::catalog
