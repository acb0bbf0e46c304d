#include "RelatedClient.h"

#include <chrono>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace killrvideo::benchmarks {

namespace {

std::size_t append_body(char* data, std::size_t size, std::size_t count, void* body) {
  static_cast<std::string*>(body)->append(data, size * count);
  return size * count;
}

}  // namespace

RelatedClient::RelatedClient(std::string base_url) : base_url_(std::move(base_url)), handle_(curl_easy_init()) {
  if (handle_ == nullptr) throw std::runtime_error("curl_easy_init failed");
  curl_easy_setopt(handle_, CURLOPT_WRITEFUNCTION, append_body);
  curl_easy_setopt(handle_, CURLOPT_TIMEOUT_MS, 10'000L);
  curl_easy_setopt(handle_, CURLOPT_NOSIGNAL, 1L);
}

RelatedClient::~RelatedClient() { curl_easy_cleanup(handle_); }

int RelatedClient::get(const std::string& path, std::string& body) {
  body.clear();
  const std::string url = base_url_ + path;
  curl_easy_setopt(handle_, CURLOPT_URL, url.c_str());
  curl_easy_setopt(handle_, CURLOPT_WRITEDATA, &body);
  if (curl_easy_perform(handle_) != CURLE_OK) return 0;
  long status = 0;
  curl_easy_getinfo(handle_, CURLINFO_RESPONSE_CODE, &status);
  return static_cast<int>(status);
}

RelatedAnswer RelatedClient::related(const std::string& video_id, int limit) {
  std::string body;
  const auto start = std::chrono::steady_clock::now();
  RelatedAnswer answer;
  answer.status = get("/api/v1/videos/id/" + video_id + "/related?limit=" + std::to_string(limit), body);
  answer.milliseconds = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  if (answer.status == 200) {
    for (const auto& item : nlohmann::json::parse(body)) answer.video_ids.push_back(item["videoId"].get<std::string>());
  }
  return answer;
}

bool RelatedClient::healthy() {
  std::string body;
  return get("/", body) == 200;
}

}  // namespace killrvideo::benchmarks
