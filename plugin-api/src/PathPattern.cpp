#include "killrvideo/plugin/PathPattern.h"

#include <algorithm>
#include <stdexcept>

#include "killrvideo/plugin/Validation.h"

namespace killrvideo::plugin {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string url_decode(std::string_view text, bool plus_as_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%' && i + 2 < text.size()) {
      const int hi = hex_value(text[i + 1]);
      const int lo = hex_value(text[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out.push_back(static_cast<char>(hi * 16 + lo));
        i += 2;
        continue;
      }
    }
    out.push_back(plus_as_space && c == '+' ? ' ' : c);
  }
  return out;
}

std::vector<std::string> split_path(std::string_view raw_path) {
  std::vector<std::string> segments;
  if (raw_path.empty() || raw_path == "/") return segments;
  std::size_t start = raw_path.front() == '/' ? 1 : 0;
  while (true) {
    const std::size_t slash = raw_path.find('/', start);
    const std::string_view piece = raw_path.substr(start, slash == std::string_view::npos ? slash : slash - start);
    segments.push_back(url_decode(piece, false));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return segments;
}

PathPattern::PathPattern(std::string pattern) : text_(std::move(pattern)) {
  if (text_.empty() || text_.front() != '/') {
    throw std::invalid_argument("route path must start with '/': '" + text_ + "'");
  }
  for (const auto& piece : split_path(text_)) {
    if (piece.empty()) throw std::invalid_argument("route path has an empty segment: '" + text_ + "'");
    if (piece.front() != '{') {
      if (piece.find_first_of("{}") != std::string::npos) {
        throw std::invalid_argument("route path mixes text and a parameter in one segment: '" + text_ + "'");
      }
      segments_.push_back({Kind::Literal, piece});
      shape_ += "/" + piece;
      continue;
    }
    if (piece.back() != '}' || piece.size() < 3) {
      throw std::invalid_argument("route path has a malformed parameter '" + piece + "': '" + text_ + "'");
    }
    const std::string inner = piece.substr(1, piece.size() - 2);
    const auto colon = inner.find(':');
    const std::string name = inner.substr(0, colon);
    const std::string type = colon == std::string::npos ? "" : inner.substr(colon + 1);
    if (name.empty() || (!type.empty() && type != "uuid")) {
      throw std::invalid_argument("route path has a malformed parameter '" + piece + "': '" + text_ + "'");
    }
    segments_.push_back({type == "uuid" ? Kind::Uuid : Kind::Any, name});
    shape_ += "/{}";
  }
  if (shape_.empty()) shape_ = "/";
}

bool PathPattern::more_specific_than(const PathPattern& other) const noexcept {
  const std::size_t common = std::min(segments_.size(), other.segments_.size());
  for (std::size_t i = 0; i < common; ++i) {
    const bool mine_literal = segments_[i].kind == Kind::Literal;
    const bool theirs_literal = other.segments_[i].kind == Kind::Literal;
    if (mine_literal != theirs_literal) return mine_literal;
  }
  return false;
}

bool PathPattern::match(const std::vector<std::string>& segments,
                        std::vector<std::pair<std::string, std::string>>& params) const {
  if (segments.size() != segments_.size()) return false;
  std::vector<std::pair<std::string, std::string>> found;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const Segment& expected = segments_[i];
    const std::string& actual = segments[i];
    switch (expected.kind) {
      case Kind::Literal:
        if (actual != expected.text) return false;
        break;
      case Kind::Any:
        if (actual.empty()) return false;
        found.emplace_back(expected.text, actual);
        break;
      case Kind::Uuid:
        if (!is_canonical_uuid(actual)) return false;
        found.emplace_back(expected.text, actual);
        break;
    }
  }
  params = std::move(found);
  return true;
}

}  // namespace killrvideo::plugin
