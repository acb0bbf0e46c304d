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

namespace {

// Keep the most specific patterns first so the first match is the best one.
void sort_by_specificity(std::vector<std::shared_ptr<const Route>>& routes) {
  std::stable_sort(routes.begin(), routes.end(),
                   [](const auto& a, const auto& b) { return a->pattern.more_specific_than(b->pattern); });
}

}  // namespace

Router::Router() : table_(std::make_shared<const Table>()) {}

std::shared_ptr<const Router::Table> Router::table() const { return std::atomic_load(&table_); }

void Router::publish(std::shared_ptr<const Table> table) { std::atomic_store(&table_, std::move(table)); }

void Router::add(Route route) {
  const std::lock_guard lock(writer_);
  auto next = std::make_shared<Table>(*table());
  next->push_back(std::make_shared<const Route>(std::move(route)));
  sort_by_specificity(*next);
  publish(std::move(next));
}

void Router::replace_plugin_routes(const std::string& plugin, std::vector<Route> routes) {
  const std::lock_guard lock(writer_);
  auto next = std::make_shared<Table>();
  for (const auto& route : *table()) {
    if (route->plugin != plugin) next->push_back(route);
  }
  for (auto& route : routes) next->push_back(std::make_shared<const Route>(std::move(route)));
  sort_by_specificity(*next);
  publish(std::move(next));
}

std::size_t Router::size() const { return table()->size(); }

RouteMatch Router::match(std::string_view method, std::string_view raw_path) const {
  const auto segments = plugin::split_path(raw_path);
  const auto routes = table();
  RouteMatch result = match_segments(*routes, method, segments);
  if (result.kind != RouteMatch::Kind::NotFound || segments.empty() || !segments.back().empty()) return result;
  // "/videos/latest/" → 307 to "/videos/latest" when that exists, as the reference framework does.
  auto without_slash = segments;
  without_slash.pop_back();
  if (match_segments(*routes, method, without_slash).kind == RouteMatch::Kind::NotFound) return result;
  RouteMatch redirect;
  redirect.kind = RouteMatch::Kind::TrailingSlashRedirect;
  redirect.redirect_path = std::string(raw_path.substr(0, raw_path.size() - 1));
  return redirect;
}

RouteMatch Router::match_segments(const Table& table, std::string_view method,
                                  const std::vector<std::string>& segments) {
  RouteMatch result;
  plugin::Method wanted{};
  const bool known_method = parse_method(method, wanted);
  for (const auto& route : table) {
    std::vector<std::pair<std::string, std::string>> params;
    if (!route->pattern.match(segments, params)) continue;
    if (known_method && route->method == wanted) {
      result.kind = RouteMatch::Kind::Found;
      result.route = route;
      result.params = std::move(params);
      return result;
    }
    result.kind = RouteMatch::Kind::MethodNotAllowed;
    const std::string allowed(plugin::to_string(route->method));
    if (std::find(result.allowed_methods.begin(), result.allowed_methods.end(), allowed) ==
        result.allowed_methods.end()) {
      result.allowed_methods.push_back(allowed);
    }
  }
  return result;
}

}  // namespace killrvideo::host
