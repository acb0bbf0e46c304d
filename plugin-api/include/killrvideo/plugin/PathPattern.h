#pragma once
// Route path patterns: literal segments, `{name}` and `{name:uuid}`. Shared by the host's router and the
// testing kit so both match exactly alike.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace killrvideo::plugin {

class PathPattern {
 public:
  // Throws std::invalid_argument for a malformed pattern (not starting with '/', unclosed brace, …).
  explicit PathPattern(std::string pattern);

  const std::string& text() const noexcept { return text_; }
  // The pattern with parameter names erased ("/videos/{}/comments"): two routes conflict when their
  // methods and shapes are equal.
  const std::string& shape() const noexcept { return shape_; }
  // True when, at the first segment where the two differ in kind, this pattern has a literal: of two
  // patterns matching one path, the more specific one serves it ("/videos/latest" over "/videos/{id}").
  bool more_specific_than(const PathPattern& other) const noexcept;

  // `segments` are the request path's segments, already URL-decoded. On a match, fills `params`.
  bool match(const std::vector<std::string>& segments,
             std::vector<std::pair<std::string, std::string>>& params) const;

 private:
  enum class Kind { Literal, Any, Uuid };
  struct Segment {
    Kind kind;
    std::string text;  // the literal, or the parameter's name
  };
  std::string text_;
  std::string shape_;
  std::vector<Segment> segments_;
};

// Splits "/a/b%20c" into URL-decoded segments {"a", "b c"}. A trailing slash leaves a last empty segment,
// so "/a/" matches no route that "/a" matches (the host redirects it).
std::vector<std::string> split_path(std::string_view raw_path);
// Percent-decoding; `plus_as_space` for query strings. Invalid escapes are kept as they are.
std::string url_decode(std::string_view text, bool plus_as_space);

}  // namespace killrvideo::plugin
