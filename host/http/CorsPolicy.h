#pragma once
// CORS per api-contract §1.6: for an allowed origin, echo it (never "*", which browsers refuse with
// credentials), allow credentials, vary on Origin, and echo what a preflight asks for.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace killrvideo::host {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

class CorsPolicy {
 public:
  // An entry "*" allows every origin. Trailing '/' on entries is ignored.
  explicit CorsPolicy(std::vector<std::string> allowed_origins);

  bool allows(std::string_view origin) const;
  // Headers for an actual (non-preflight) response; empty when there is no Origin or it is not allowed.
  HeaderList response_headers(std::optional<std::string_view> origin) const;
  // Headers answering a preflight; nullopt when the origin is not allowed.
  std::optional<HeaderList> preflight_headers(std::string_view origin, std::string_view requested_method,
                                              std::optional<std::string_view> requested_headers) const;

 private:
  std::vector<std::string> allowed_;
  bool allow_any_ = false;
};

}  // namespace killrvideo::host
