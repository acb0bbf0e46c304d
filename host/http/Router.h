#pragma once
// Method + path → route. Patterns come from plugin::PathPattern; when several patterns match a path, the
// one with a literal where another has a parameter (earliest segment first) wins. A plugin's routes are
// replaced or removed while serving (an enable or disable): each change publishes a new immutable table,
// and a request keeps the table it matched against alive until it is done.

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "killrvideo/plugin/Http.h"
#include "killrvideo/plugin/PathPattern.h"
#include "plugins/PluginActivity.h"

namespace killrvideo::host {

struct Route {
  plugin::PathPattern pattern;
  plugin::Method method;
  plugin::Access access;
  plugin::RouteHandler handler;
  std::string plugin;
  // Entered around the handler: a route of a disabled plugin answers 404. None for the host's routes.
  std::shared_ptr<PluginActivity> activity = nullptr;
  // False for answers that change without a data write (the metrics): never served from the cache.
  bool cache_answers = true;
};

struct RouteMatch {
  enum class Kind { Found, NotFound, MethodNotAllowed, TrailingSlashRedirect };
  Kind kind = Kind::NotFound;
  std::shared_ptr<const Route> route;
  std::vector<std::pair<std::string, std::string>> params;
  std::vector<std::string> allowed_methods;  // for 405
  std::string redirect_path;                 // for 307, still URL-encoded
};

class Router {
 public:
  Router();

  void add(Route route);
  // In one change: every route of `plugin` goes, `routes` (of that plugin) come.
  void replace_plugin_routes(const std::string& plugin, std::vector<Route> routes);
  RouteMatch match(std::string_view method, std::string_view raw_path) const;
  std::size_t size() const;

 private:
  using Table = std::vector<std::shared_ptr<const Route>>;
  std::shared_ptr<const Table> table() const;
  void publish(std::shared_ptr<const Table> table);
  static RouteMatch match_segments(const Table& table, std::string_view method,
                                   const std::vector<std::string>& segments);

  std::mutex writer_;  // one change at a time; readers never wait for it
  std::shared_ptr<const Table> table_;
};

// "GET" → Method; false for methods no plugin can register (HEAD, OPTIONS, …).
bool parse_method(std::string_view text, plugin::Method& method) noexcept;

}  // namespace killrvideo::host
