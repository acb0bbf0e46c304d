#include "OEmbedClient.h"

#include <memory>

#include <curl/curl.h>
#include <nlohmann/json.hpp>

#include "YouTubeUrl.h"

namespace killrvideo::catalog {

namespace {

using CurlHandle = std::unique_ptr<CURL, decltype(&curl_easy_cleanup)>;

std::size_t append_body(char* data, std::size_t size, std::size_t count, void* body) {
  static_cast<std::string*>(body)->append(data, size * count);
  return size * count;
}

std::string escaped(CURL* curl, const std::string& text) {
  std::unique_ptr<char, decltype(&curl_free)> escaped(curl_easy_escape(curl, text.c_str(), static_cast<int>(text.size())),
                                                      &curl_free);
  return escaped ? std::string(escaped.get()) : text;
}

YouTubeMetadata parse_metadata(const std::string& body) {
  const auto document = nlohmann::json::parse(body, nullptr, false);
  if (!document.is_object() || !document.contains("title") || !document["title"].is_string()) {
    throw MetadataFetchError("Failed to fetch YouTube metadata: oEmbed answered without a title");
  }
  YouTubeMetadata metadata{document["title"].get<std::string>(), std::nullopt};
  if (const auto thumbnail = document.find("thumbnail_url"); thumbnail != document.end() && thumbnail->is_string()) {
    metadata.thumbnail_url = thumbnail->get<std::string>();
  }
  return metadata;
}

}  // namespace

OEmbedClient::OEmbedClient(OEmbedSettings settings) : settings_(std::move(settings)) {
  // Reference-counted by libcurl; pairs with the cleanup in the destructor.
  curl_global_init(CURL_GLOBAL_DEFAULT);
}

OEmbedClient::~OEmbedClient() { curl_global_cleanup(); }

std::string OEmbedClient::request_url(CURL* curl, const std::string& video_id) const {
  const std::string separator = settings_.url.find('?') == std::string::npos ? "?" : "&";
  return settings_.url + separator + "format=json&url=" + escaped(curl, short_youtube_url(video_id));
}

YouTubeMetadata OEmbedClient::fetch(const std::string& video_id) const {
  CurlHandle curl(curl_easy_init(), &curl_easy_cleanup);
  if (!curl) throw MetadataFetchError("Failed to fetch YouTube metadata: cannot create an HTTP handle");
  const std::string url = request_url(curl.get(), video_id);
  std::string body;
  curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT_MS, settings_.timeout_ms);
  curl_easy_setopt(curl.get(), CURLOPT_FOLLOWLOCATION, 1L);
  // Worker threads must not take signals for DNS timeouts.
  curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, &append_body);
  curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &body);
  const CURLcode result = curl_easy_perform(curl.get());
  if (result != CURLE_OK) {
    throw MetadataFetchError(std::string("Failed to fetch YouTube metadata: ") + curl_easy_strerror(result));
  }
  long status = 0;
  curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &status);
  if (status != 200) {
    throw MetadataFetchError("Failed to fetch YouTube metadata: oEmbed answered HTTP " + std::to_string(status));
  }
  return parse_metadata(body);
}

}  // namespace killrvideo::catalog
