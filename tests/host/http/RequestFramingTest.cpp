#include "http/RequestFraming.h"

#include <gtest/gtest.h>

namespace killrvideo::host {
namespace {

const RequestFraming framing(200, 50);

TEST(RequestFraming, AnIncompleteHeadWaitsForMore) {
  EXPECT_EQ(framing.next("GET / HTTP/1.1\r\nHost: x\r\n").kind, FramedRequest::Kind::Incomplete);
}

TEST(RequestFraming, ARequestEndsAfterItsContentLength) {
  const std::string two = "POST /a HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}GET /b HTTP/1.1\r\n\r\n";
  const auto first = framing.next(two);
  ASSERT_EQ(first.kind, FramedRequest::Kind::Complete);
  EXPECT_EQ(first.length, two.find("GET /b"));
  EXPECT_EQ(framing.next(two.substr(first.length)).length, two.size() - first.length);
  EXPECT_EQ(framing.next("POST /a HTTP/1.1\r\nContent-Length: 2\r\n\r\n{").kind, FramedRequest::Kind::Incomplete);
}

TEST(RequestFraming, ContentLengthMustBeDigitsAndAgree) {
  for (const char* value : {"-5", "", "1,1", "0x10", "18446744073709551616", "+3"}) {
    const auto framed = framing.next(std::string("POST /a HTTP/1.1\r\nContent-Length: ") + value + "\r\n\r\n");
    EXPECT_EQ(framed.kind, FramedRequest::Kind::Refused) << value;
    EXPECT_EQ(framed.status, 400) << value;
    EXPECT_EQ(framed.line.method, "POST");
    EXPECT_EQ(framed.line.target, "/a");
  }
  EXPECT_EQ(framing.next("POST /a HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n").detail,
            "Conflicting Content-Length headers");
  EXPECT_EQ(framing.next("POST /a HTTP/1.1\r\nContent-Length:  1 \r\ncontent-length:1\r\n\r\nx").kind,
            FramedRequest::Kind::Complete);
}

TEST(RequestFraming, LimitsAreEnforcedFromTheHead) {
  EXPECT_EQ(framing.next("POST /a HTTP/1.1\r\nContent-Length: 51\r\n\r\n").status, 413);
  EXPECT_EQ(framing.next("GET /" + std::string(300, 'a')).status, 431);
  EXPECT_EQ(framing.next("POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n").status, 411);
}

TEST(RequestFraming, TheRequestLineIsReadAsFarAsItGoes) {
  EXPECT_EQ(request_line_of("GET /x?q=1 HTTP/1.1\r\n").target, "/x?q=1");
  EXPECT_EQ(request_line_of("garbage").target, "/");
}

}  // namespace
}  // namespace killrvideo::host
