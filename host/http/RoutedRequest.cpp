#include "http/RoutedRequest.h"

namespace killrvideo::host {

RoutedRequest::RoutedRequest(const IncomingRequest& incoming, plugin::Method method, std::string decoded_path,
                             std::string url, std::vector<std::pair<std::string, std::string>> path_params,
                             std::string request_id)
    : incoming_(incoming),
      method_(method),
      path_(std::move(decoded_path)),
      url_(std::move(url)),
      path_params_(std::move(path_params)),
      request_id_(std::move(request_id)) {}

std::optional<std::string_view> RoutedRequest::path_param(std::string_view name) const noexcept {
  for (const auto& [key, value] : path_params_) {
    if (key == name) return value;
  }
  return std::nullopt;
}

std::optional<std::string_view> RoutedRequest::query_param(std::string_view name) const noexcept {
  for (const auto& [key, value] : incoming_.query) {
    if (key == name) return value;
  }
  return std::nullopt;
}

std::optional<std::string_view> RoutedRequest::header(std::string_view name) const noexcept {
  return incoming_.header(name);
}

}  // namespace killrvideo::host
