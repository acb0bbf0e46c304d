#include "killrvideo/plugin/testing/RouteTable.h"

#include <stdexcept>

namespace killrvideo::plugin::testing {

void RouteTable::add(const RouteSpec& spec, RouteHandler handler) {
  PathPattern pattern(spec.path);
  for (const auto& existing : routes_) {
    if (existing.spec.method == spec.method && existing.pattern.shape() == pattern.shape()) {
      throw std::invalid_argument(std::string(to_string(spec.method)) + " " + spec.path + " conflicts with " +
                                  existing.spec.path);
    }
  }
  routes_.push_back({spec, std::move(pattern), std::move(handler)});
}

RouteTable::Lookup RouteTable::find(Method method, const std::vector<std::string>& segments) const {
  Lookup best;
  for (const auto& route : routes_) {
    PathParams params;
    if (!route.pattern.match(segments, params)) continue;
    if (route.spec.method != method) {
      best.path_matched_other_method = true;
      continue;
    }
    if (best.route == nullptr || route.pattern.more_specific_than(best.route->pattern)) {
      best.route = &route;
      best.params = std::move(params);
    }
  }
  return best;
}

std::vector<RouteSpec> RouteTable::specs() const {
  std::vector<RouteSpec> specs;
  for (const auto& route : routes_) specs.push_back(route.spec);
  return specs;
}

}  // namespace killrvideo::plugin::testing
