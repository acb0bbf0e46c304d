#pragma once
// Method + path → route. Patterns come from plugin::PathPattern; when several patterns match a path, the
// one with a literal where another has a parameter (earliest segment first) wins.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "killrvideo/plugin/Http.h"
#include "killrvideo/plugin/PathPattern.h"

namespace killrvideo::host {

struct Route {
  plugin::PathPattern pattern;
  plugin::Method method;
  plugin::Access access;
  plugin::RouteHandler handler;
  std::string plugin;
};

struct RouteMatch {
  enum class Kind { Found, NotFound, MethodNotAllowed, TrailingSlashRedirect };
  Kind kind = Kind::NotFound;
  const Route* route = nullptr;
  std::vector<std::pair<std::string, std::string>> params;
  std::vector<std::string> allowed_methods;  // for 405
  std::string redirect_path;                 // for 307, still URL-encoded
};

class Router {
 public:
  // Only before serving: the route table is read without locks afterwards.
  void add(Route route);
  RouteMatch match(std::string_view method, std::string_view raw_path) const;
  std::size_t size() const noexcept { return routes_.size(); }

 private:
  RouteMatch match_segments(std::string_view method, const std::vector<std::string>& segments) const;
  std::vector<Route> routes_;
};

// "GET" → Method; false for methods no plugin can register (HEAD, OPTIONS, …).
bool parse_method(std::string_view text, plugin::Method& method) noexcept;

}  // namespace killrvideo::host
