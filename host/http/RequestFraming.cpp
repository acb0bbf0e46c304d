#include "http/RequestFraming.h"

#include <optional>
#include <strings.h>

namespace killrvideo::host {

namespace {

constexpr std::string_view kLineEnd = "\r\n";
constexpr std::string_view kHeadEnd = "\r\n\r\n";
// 19 digits always fit in 64 bits; longer lengths are far beyond any body limit anyway.
constexpr std::size_t kMaxLengthDigits = 18;

std::string_view trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

bool named(std::string_view line, std::string_view name) {
  return line.size() > name.size() && line[name.size()] == ':' &&
         strncasecmp(line.data(), name.data(), name.size()) == 0;
}

// Content-Length = 1*DIGIT (RFC 9110 §8.6); anything else (a sign, a list, 2^64) is not a length.
std::optional<std::size_t> content_length(std::string_view value) {
  if (value.empty() || value.size() > kMaxLengthDigits) return std::nullopt;
  std::size_t length = 0;
  for (const char c : value) {
    if (c < '0' || c > '9') return std::nullopt;
    length = length * 10 + static_cast<std::size_t>(c - '0');
  }
  return length;
}

}  // namespace

RequestLine request_line_of(std::string_view head) {
  const std::string_view line = head.substr(0, head.find(kLineEnd));
  const auto method_end = line.find(' ');
  if (method_end == std::string_view::npos) return {std::string(line), "/"};
  const auto target_end = line.find(' ', method_end + 1);
  const auto target = line.substr(method_end + 1, target_end == std::string_view::npos
                                                      ? std::string_view::npos
                                                      : target_end - method_end - 1);
  return {std::string(line.substr(0, method_end)), target.empty() ? "/" : std::string(target)};
}

RequestFraming::RequestFraming(std::size_t max_head_bytes, std::size_t max_body_bytes)
    : max_head_bytes_(max_head_bytes), max_body_bytes_(max_body_bytes) {}

FramedRequest RequestFraming::refused(int status, std::string detail, std::string_view head) const {
  FramedRequest request;
  request.kind = FramedRequest::Kind::Refused;
  request.status = status;
  request.detail = std::move(detail);
  request.line = request_line_of(head);
  return request;
}

FramedRequest RequestFraming::next(std::string_view pending) const {
  const auto head_end = pending.find(kHeadEnd);
  if (head_end == std::string_view::npos) {
    if (pending.size() > max_head_bytes_) {
      return refused(431, "Request header fields too large: the limit is " + std::to_string(max_head_bytes_) + " bytes",
                     pending);
    }
    return {};
  }
  const std::string_view head = pending.substr(0, head_end + kLineEnd.size());
  if (head.size() > max_head_bytes_) {
    return refused(431, "Request header fields too large: the limit is " + std::to_string(max_head_bytes_) + " bytes",
                   head);
  }
  std::optional<std::size_t> body_length;
  for (auto start = head.find(kLineEnd) + kLineEnd.size(); start < head.size();) {
    const auto end = head.find(kLineEnd, start);
    const std::string_view line = head.substr(start, end - start);
    start = end + kLineEnd.size();
    if (named(line, "Transfer-Encoding")) {
      return refused(411, "Send the request body with a Content-Length; transfer codings are not accepted", head);
    }
    if (!named(line, "Content-Length")) continue;
    const auto length = content_length(trimmed(line.substr(line.find(':') + 1)));
    if (!length) return refused(400, "Invalid Content-Length header", head);
    if (body_length && *body_length != *length) return refused(400, "Conflicting Content-Length headers", head);
    body_length = length;
  }
  const std::size_t body = body_length.value_or(0);
  if (body > max_body_bytes_) {
    return refused(413, "Request body too large: " + std::to_string(body) + " bytes; the limit is " +
                            std::to_string(max_body_bytes_),
                   head);
  }
  const std::size_t total = head_end + kHeadEnd.size() + body;
  if (pending.size() < total) return {};
  FramedRequest complete;
  complete.kind = FramedRequest::Kind::Complete;
  complete.length = total;
  return complete;
}

}  // namespace killrvideo::host
