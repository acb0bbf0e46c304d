#include "http/CorsPolicy.h"

#include <algorithm>

namespace killrvideo::host {

namespace {

constexpr const char* kPreflightMaxAgeSeconds = "600";

std::string without_trailing_slash(std::string origin) {
  while (!origin.empty() && origin.back() == '/') origin.pop_back();
  return origin;
}

}  // namespace

CorsPolicy::CorsPolicy(std::vector<std::string> allowed_origins) {
  for (auto& origin : allowed_origins) {
    if (origin == "*") allow_any_ = true;
    allowed_.push_back(without_trailing_slash(std::move(origin)));
  }
}

bool CorsPolicy::allows(std::string_view origin) const {
  if (origin.empty()) return false;
  return allow_any_ || std::find(allowed_.begin(), allowed_.end(), origin) != allowed_.end();
}

HeaderList CorsPolicy::response_headers(std::optional<std::string_view> origin) const {
  if (!origin || !allows(*origin)) return {};
  return {{"Access-Control-Allow-Origin", std::string(*origin)},
          {"Access-Control-Allow-Credentials", "true"},
          {"Vary", "Origin"}};
}

std::optional<HeaderList> CorsPolicy::preflight_headers(std::string_view origin, std::string_view requested_method,
                                                        std::optional<std::string_view> requested_headers) const {
  if (!allows(origin)) return std::nullopt;
  HeaderList headers = response_headers(origin);
  headers.emplace_back("Access-Control-Allow-Methods", std::string(requested_method));
  if (requested_headers && !requested_headers->empty()) {
    headers.emplace_back("Access-Control-Allow-Headers", std::string(*requested_headers));
  }
  headers.emplace_back("Access-Control-Max-Age", kPreflightMaxAgeSeconds);
  return headers;
}

}  // namespace killrvideo::host
