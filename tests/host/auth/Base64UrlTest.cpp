#include "auth/Base64Url.h"

#include <string>

#include <gtest/gtest.h>

namespace killrvideo::host {
namespace {

TEST(Base64UrlTest, EncodesRfc4648VectorsWithoutPadding) {
  EXPECT_EQ(Base64Url::encode(""), "");
  EXPECT_EQ(Base64Url::encode("f"), "Zg");
  EXPECT_EQ(Base64Url::encode("fo"), "Zm8");
  EXPECT_EQ(Base64Url::encode("foo"), "Zm9v");
  EXPECT_EQ(Base64Url::encode("foobar"), "Zm9vYmFy");
}

TEST(Base64UrlTest, UsesTheUrlAlphabet) {
  EXPECT_EQ(Base64Url::encode(std::string("\xfb\xff\xbf", 3)), "-_-_");
}

TEST(Base64UrlTest, RoundTripsEveryByteAtEveryTailLength) {
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes.push_back(static_cast<char>(i));
  for (std::size_t length = 0; length <= 7; ++length) {
    const std::string input = bytes.substr(255 - length);
    EXPECT_EQ(Base64Url::decode(Base64Url::encode(input)), input) << "length " << length;
  }
  EXPECT_EQ(Base64Url::decode(Base64Url::encode(bytes)), bytes);
}

TEST(Base64UrlTest, DecodesTheEmptyString) { EXPECT_EQ(Base64Url::decode(""), std::string()); }

TEST(Base64UrlTest, RejectsPadding) { EXPECT_FALSE(Base64Url::decode("Zg==")); }

TEST(Base64UrlTest, RejectsTheStandardAlphabet) {
  EXPECT_FALSE(Base64Url::decode("+/+/"));
}

TEST(Base64UrlTest, RejectsWhitespaceAndOtherCharacters) {
  EXPECT_FALSE(Base64Url::decode("Zm9v YmFy"));
  EXPECT_FALSE(Base64Url::decode("Zm9v\n"));
  EXPECT_FALSE(Base64Url::decode("Zm9v.mFy"));
  EXPECT_FALSE(Base64Url::decode(std::string("Zm\0v", 4)));
}

TEST(Base64UrlTest, RejectsALengthNoInputEncodesTo) { EXPECT_FALSE(Base64Url::decode("Zm9vY")); }

TEST(Base64UrlTest, RejectsNonZeroUnusedTrailingBits) {
  // "Zg" is "f"; "Zh" carries the same byte plus a stray low bit.
  EXPECT_FALSE(Base64Url::decode("Zh"));
  EXPECT_FALSE(Base64Url::decode("Zm9"));
}

}  // namespace
}  // namespace killrvideo::host
