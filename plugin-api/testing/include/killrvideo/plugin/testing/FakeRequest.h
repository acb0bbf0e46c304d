#pragma once
// A plugin::Request built from what a test would send over HTTP, so handlers and the Validation helpers
// can be exercised without a server.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "killrvideo/plugin/Http.h"

namespace killrvideo::plugin::testing {

using Headers = std::vector<std::pair<std::string, std::string>>;
using PathParams = std::vector<std::pair<std::string, std::string>>;

// Where url() says the request went; FastAPI's TestClient uses the same host name.
inline constexpr std::string_view kTestServerUrl = "http://testserver";
inline constexpr std::string_view kTestRequestId = "test-request";
inline constexpr std::string_view kTestClientAddress = "203.0.113.7";

class FakeRequest final : public Request {
 public:
  // `target` is the raw path as a client sends it, optionally with a query string:
  // "/api/v1/videos/a%20b?page=2&q=two+words".
  FakeRequest(Method method, std::string_view target, nlohmann::json body = nullptr,
              std::optional<Principal> principal = std::nullopt, Headers headers = {});

  // What the router extracted from the path; the handler reads them through path_param().
  void set_path_params(PathParams params) { path_params_ = std::move(params); }
  void set_client_address(std::string address) { client_address_ = std::move(address); }

  Method method() const noexcept override { return method_; }
  const std::string& path() const noexcept override { return path_; }
  const std::string& url() const noexcept override { return url_; }
  std::optional<std::string_view> path_param(std::string_view name) const noexcept override;
  std::optional<std::string_view> query_param(std::string_view name) const noexcept override;
  std::optional<std::string_view> header(std::string_view name) const noexcept override;
  const nlohmann::json& body() const noexcept override { return body_; }
  const Principal* principal() const noexcept override { return principal_ ? &*principal_ : nullptr; }
  const std::string& request_id() const noexcept override { return request_id_; }
  const std::string& client_address() const noexcept override { return client_address_; }

 private:
  Method method_;
  std::string path_;
  std::string url_;
  std::vector<std::pair<std::string, std::string>> query_;
  PathParams path_params_;
  Headers headers_;
  nlohmann::json body_;
  std::optional<Principal> principal_;
  std::string request_id_{kTestRequestId};
  std::string client_address_{kTestClientAddress};
};

// The raw path of a request target: everything before '?'.
std::string_view raw_path_of(std::string_view target) noexcept;

}  // namespace killrvideo::plugin::testing
