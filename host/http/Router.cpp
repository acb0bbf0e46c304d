#include "http/Router.h"

#include <algorithm>

namespace killrvideo::host {

bool parse_method(std::string_view text, plugin::Method& method) noexcept {
  using plugin::Method;
  for (const Method candidate : {Method::Get, Method::Post, Method::Put, Method::Patch, Method::Delete}) {
    if (plugin::to_string(candidate) == text) {
      method = candidate;
      return true;
    }
  }
  return false;
}

void Router::add(Route route) {
  routes_.push_back(std::move(route));
  // Keep the most specific patterns first so the first match is the best one.
  std::stable_sort(routes_.begin(), routes_.end(),
                   [](const Route& a, const Route& b) { return a.pattern.more_specific_than(b.pattern); });
}

RouteMatch Router::match(std::string_view method, std::string_view raw_path) const {
  const auto segments = plugin::split_path(raw_path);
  RouteMatch result = match_segments(method, segments);
  if (result.kind != RouteMatch::Kind::NotFound || segments.empty() || !segments.back().empty()) return result;
  // "/videos/latest/" → 307 to "/videos/latest" when that exists, as the reference framework does.
  auto without_slash = segments;
  without_slash.pop_back();
  if (match_segments(method, without_slash).kind == RouteMatch::Kind::NotFound) return result;
  RouteMatch redirect;
  redirect.kind = RouteMatch::Kind::TrailingSlashRedirect;
  redirect.redirect_path = std::string(raw_path.substr(0, raw_path.size() - 1));
  return redirect;
}

RouteMatch Router::match_segments(std::string_view method, const std::vector<std::string>& segments) const {
  RouteMatch result;
  plugin::Method wanted{};
  const bool known_method = parse_method(method, wanted);
  for (const auto& route : routes_) {
    std::vector<std::pair<std::string, std::string>> params;
    if (!route.pattern.match(segments, params)) continue;
    if (known_method && route.method == wanted) {
      result.kind = RouteMatch::Kind::Found;
      result.route = &route;
      result.params = std::move(params);
      return result;
    }
    result.kind = RouteMatch::Kind::MethodNotAllowed;
    const std::string allowed(plugin::to_string(route.method));
    if (std::find(result.allowed_methods.begin(), result.allowed_methods.end(), allowed) ==
        result.allowed_methods.end()) {
      result.allowed_methods.push_back(allowed);
    }
  }
  return result;
}

}  // namespace killrvideo::host
