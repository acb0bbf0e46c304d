#pragma once
#include <nlohmann/json.hpp>

#include "http/IncomingRequest.h"
#include "killrvideo/plugin/Http.h"

namespace killrvideo::host {

// The plugin::Request a handler sees: the incoming request plus what routing, parsing and the access gate
// found out.
class RoutedRequest final : public plugin::Request {
 public:
  RoutedRequest(const IncomingRequest& incoming, plugin::Method method, std::string decoded_path,
                std::string url, std::vector<std::pair<std::string, std::string>> path_params,
                std::string request_id);

  void set_body(nlohmann::json body) { body_ = std::move(body); }
  void set_principal(std::optional<plugin::Principal> principal) { principal_ = std::move(principal); }

  plugin::Method method() const noexcept override { return method_; }
  const std::string& path() const noexcept override { return path_; }
  const std::string& url() const noexcept override { return url_; }
  std::optional<std::string_view> path_param(std::string_view name) const noexcept override;
  std::optional<std::string_view> query_param(std::string_view name) const noexcept override;
  std::optional<std::string_view> header(std::string_view name) const noexcept override;
  const nlohmann::json& body() const noexcept override { return body_; }
  const plugin::Principal* principal() const noexcept override { return principal_ ? &*principal_ : nullptr; }
  const std::string& request_id() const noexcept override { return request_id_; }
  const std::string& client_address() const noexcept override { return incoming_.client_address; }

 private:
  const IncomingRequest& incoming_;
  plugin::Method method_;
  std::string path_;
  std::string url_;
  std::vector<std::pair<std::string, std::string>> path_params_;
  std::string request_id_;
  nlohmann::json body_;
  std::optional<plugin::Principal> principal_;
};

}  // namespace killrvideo::host
