#include <gtest/gtest.h>

#include "Sentiment.h"

namespace killrvideo::comments_ratings {
namespace {

TEST(SentimentTest, SadWordsAndFacesAreNegativeWhateverElseTheTextSays) {
  EXPECT_EQ(sentiment_of("This is SAD but great!"), -0.8);
  EXPECT_EQ(sentiment_of("bad"), -0.8);
  EXPECT_EQ(sentiment_of("terrible audio"), -0.8);
  EXPECT_EQ(sentiment_of("ok :("), -0.8);
  EXPECT_EQ(sentiment_of("\xF0\x9F\x98\xA2"), -0.8);
  EXPECT_EQ(sentiment_of("\xE2\x98\xB9 meh"), -0.8);
}

TEST(SentimentTest, EnthusiasmIsPositive) {
  EXPECT_EQ(sentiment_of("wow!"), 0.9);
  EXPECT_EQ(sentiment_of("I LOVE this"), 0.9);
  EXPECT_EQ(sentiment_of("Excellent talk"), 0.9);
  EXPECT_EQ(sentiment_of("awesome"), 0.9);
}

TEST(SentimentTest, ShortNeutralTextHasNoScoreLongerTextIsSlightlyPositive) {
  EXPECT_EQ(sentiment_of("   ok thx   "), std::nullopt);
  EXPECT_EQ(sentiment_of("\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9"), std::nullopt);
  EXPECT_EQ(sentiment_of("Useful overview of indexes"), 0.1);
}

}  // namespace
}  // namespace killrvideo::comments_ratings
