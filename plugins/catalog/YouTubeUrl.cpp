#include "YouTubeUrl.h"

#include <array>

namespace killrvideo::catalog {

namespace {

bool consume(std::string_view& text, std::string_view prefix) {
  if (text.substr(0, prefix.size()) != prefix) return false;
  text.remove_prefix(prefix.size());
  return true;
}

bool is_id_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

// The path forms that precede the id, with the host they belong to.
constexpr std::array<std::string_view, 5> kIdPrefixes = {"youtu.be/", "youtube.com/watch?v=", "youtube.com/embed/",
                                                         "youtube.com/v/", "youtube.com/shorts/"};

}  // namespace

std::optional<std::string> extract_youtube_id(std::string_view url) {
  if (!consume(url, "https://")) consume(url, "http://");
  consume(url, "www.");
  for (const std::string_view prefix : kIdPrefixes) {
    std::string_view rest = url;
    if (!consume(rest, prefix)) continue;
    if (rest.size() < kYouTubeIdLength) return std::nullopt;
    for (std::size_t i = 0; i < kYouTubeIdLength; ++i) {
      if (!is_id_char(rest[i])) return std::nullopt;
    }
    return std::string(rest.substr(0, kYouTubeIdLength));
  }
  return std::nullopt;
}

std::string short_youtube_url(const std::string& video_id) { return "https://youtu.be/" + video_id; }

std::string default_thumbnail_url(const std::string& video_id) {
  return "https://i.ytimg.com/vi/" + video_id + "/hqdefault.jpg";
}

}  // namespace killrvideo::catalog
