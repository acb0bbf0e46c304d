#pragma once
// The YouTube video id inside a submitted URL (api-contract §5.2).

#include <optional>
#include <string>
#include <string_view>

namespace killrvideo::catalog {

inline constexpr std::size_t kYouTubeIdLength = 11;

// Matches at the start of `url` (nothing is required after the id): optional http:// or https://,
// optional www., then youtu.be/<id>, youtube.com/watch?v=<id> (v first), youtube.com/embed/<id>,
// youtube.com/v/<id> or youtube.com/shorts/<id>, where <id> is 11 of [A-Za-z0-9_-]. Anything else,
// m.youtube.com included, has no id.
std::optional<std::string> extract_youtube_id(std::string_view url);

// Where the oEmbed service and the thumbnail fallback point for an id.
std::string short_youtube_url(const std::string& video_id);
std::string default_thumbnail_url(const std::string& video_id);

}  // namespace killrvideo::catalog
