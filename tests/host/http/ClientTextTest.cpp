#include "http/ClientText.h"

#include <gtest/gtest.h>

namespace killrvideo::host {
namespace {

TEST(ClientText, PrintableAsciiStaysAsItIs) { EXPECT_EQ(loggable("/api/v1/videos?page=2&q=a b"), "/api/v1/videos?page=2&q=a b"); }

TEST(ClientText, ControlBytesBackslashesAndNonAsciiAreEscaped) {
  EXPECT_EQ(loggable(std::string("/a\r\nGET /forged\x1b[31m\\\xff\0", 23)),
            "/a\\x0d\\x0aGET /forged\\x1b[31m\\x5c\\xff\\x00");
}

TEST(ClientText, UrlTextPercentEncodesWhatIsNotVisibleAscii) {
  EXPECT_EQ(url_text("/a b\xff\r\n?q=%41"), "/a%20b%FF%0D%0A?q=%41");
}

}  // namespace
}  // namespace killrvideo::host
