#pragma once
// Where one HTTP/1.1 request ends in the bytes a connection has sent (RFC 9112 §6.3), checked before
// Pistache parses anything. Pistache 0.0.5 reads one request per read and drops whatever follows it
// (pipelining), answers a bad Content-Length with a plain-text 500, takes the first of two different
// Content-Length headers, and buffers an oversized body before refusing it in plain text. Framing each
// request here lets the server refuse those with JSON, before the body arrives, and hand Pistache's
// parser exactly one request at a time.

#include <cstddef>
#include <string>
#include <string_view>

namespace killrvideo::host {

// The method and target of a request line ("GET /path?q HTTP/1.1"), as far as they can be read.
struct RequestLine {
  std::string method;
  std::string target;
};
RequestLine request_line_of(std::string_view head);

struct FramedRequest {
  enum class Kind { Incomplete, Complete, Refused };
  Kind kind = Kind::Incomplete;
  std::size_t length = 0;  // Complete: the bytes of the request, head and body
  int status = 0;          // Refused: the status to answer before closing the connection
  std::string detail;      // Refused: why, for the client and the log
  RequestLine line;        // Refused: for the answer and the log
};

class RequestFraming {
 public:
  RequestFraming(std::size_t max_head_bytes, std::size_t max_body_bytes);

  // The first request in `pending`. A refused request leaves the connection unusable: what follows
  // cannot be trusted to start a new request.
  FramedRequest next(std::string_view pending) const;

 private:
  FramedRequest refused(int status, std::string detail, std::string_view head) const;

  std::size_t max_head_bytes_;
  std::size_t max_body_bytes_;
};

}  // namespace killrvideo::host
