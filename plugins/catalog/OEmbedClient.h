#pragma once
// Title and thumbnail of a YouTube video from an oEmbed endpoint, over libcurl
// (GET <url>?format=json&url=https://youtu.be/<id>).

#include <optional>
#include <stdexcept>
#include <string>

#include <curl/curl.h>

#include "OEmbedSettings.h"

namespace killrvideo::catalog {

struct YouTubeMetadata {
  std::string title;
  std::optional<std::string> thumbnail_url;
};

// The endpoint could not be reached, timed out, answered with an error status or with something other
// than an oEmbed JSON object. what() says which, for the 502 detail.
class MetadataFetchError : public std::runtime_error {
 public:
  explicit MetadataFetchError(const std::string& reason) : std::runtime_error(reason) {}
};

class OEmbedClient {
 public:
  explicit OEmbedClient(OEmbedSettings settings);
  ~OEmbedClient();
  OEmbedClient(const OEmbedClient&) = delete;
  OEmbedClient& operator=(const OEmbedClient&) = delete;

  bool enabled() const noexcept { return settings_.enabled; }
  // Safe from many threads: each call uses its own curl handle. Throws MetadataFetchError.
  YouTubeMetadata fetch(const std::string& video_id) const;

 private:
  // The endpoint with the format and the escaped short URL of the video in its query.
  std::string request_url(CURL* curl, const std::string& video_id) const;

  OEmbedSettings settings_;
};

}  // namespace killrvideo::catalog
