#include "Sentiment.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "killrvideo/plugin/BodyReader.h"

namespace killrvideo::comments_ratings {

namespace {

constexpr std::array<std::string_view, 6> kNegativeMarks = {":(", "\xE2\x98\xB9" /* ☹ */, "\xF0\x9F\x98\xA2" /* 😢 */,
                                                            "sad", "bad", "terrible"};
constexpr std::array<std::string_view, 5> kPositiveMarks = {"!", "great", "awesome", "love", "excellent"};
constexpr std::size_t kShortNeutralLength = 10;

// ASCII lower-casing leaves multi-byte UTF-8 sequences (the emoji marks) untouched.
std::string lowercase(std::string_view text) {
  std::string lowered(text);
  std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lowered;
}

template <std::size_t N>
bool contains_any(const std::string& text, const std::array<std::string_view, N>& marks) {
  return std::any_of(marks.begin(), marks.end(),
                     [&](std::string_view mark) { return text.find(mark) != std::string::npos; });
}

std::string_view trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n\f\v");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n\f\v") - first + 1);
}

}  // namespace

std::optional<double> sentiment_of(std::string_view comment) {
  const std::string lowered = lowercase(comment);
  if (contains_any(lowered, kNegativeMarks)) return -0.8;
  if (contains_any(lowered, kPositiveMarks)) return 0.9;
  if (plugin::utf8_length(trimmed(comment)) < kShortNeutralLength) return std::nullopt;
  return 0.1;
}

}  // namespace killrvideo::comments_ratings
