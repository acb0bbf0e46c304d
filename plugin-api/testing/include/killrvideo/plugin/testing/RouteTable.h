#pragma once
// The kit's router: the same PathPattern matching as the host's, so a route that answers here answers
// there.

#include <string>
#include <vector>

#include "killrvideo/plugin/PathPattern.h"
#include "killrvideo/plugin/Registrar.h"
#include "killrvideo/plugin/testing/FakeRequest.h"

namespace killrvideo::plugin::testing {

class RouteTable {
 public:
  struct Route {
    RouteSpec spec;
    PathPattern pattern;
    RouteHandler handler;
  };

  struct Lookup {
    const Route* route = nullptr;
    PathParams params;
    // No route for this method, but one for another: the caller answers 405 rather than 404.
    bool path_matched_other_method = false;
  };

  // Throws std::invalid_argument for a malformed path, or when a route with the same method and shape
  // is already registered (the host refuses that conflict too).
  void add(const RouteSpec& spec, RouteHandler handler);

  // Among the routes matching method and path, the one with the most literal segments wins, so
  // "/videos/latest" beats "/videos/{id}" whatever the registration order.
  Lookup find(Method method, const std::vector<std::string>& segments) const;

  std::vector<RouteSpec> specs() const;

 private:
  std::vector<Route> routes_;
};

}  // namespace killrvideo::plugin::testing
