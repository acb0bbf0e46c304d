#include "app/HostRoutes.h"

#include "http/Metrics.h"
#include "killrvideo/plugin/Registrar.h"
#include "killrvideo/plugin/Responses.h"

namespace killrvideo::host {

namespace {

constexpr const char* kProjectName = "KillrVideo C++ Backend";

plugin::Response health(const plugin::Request&) {
  return plugin::json_response(200, {{"message", std::string("Welcome to ") + kProjectName + "!"}});
}

}  // namespace

void add_host_routes(Router& router, const Metrics& metrics) {
  using plugin::Access;
  using plugin::Method;
  router.add({plugin::PathPattern("/"), Method::Get, Access::Public, plugin::guard_route(health), "host"});
  Route metrics_route{plugin::PathPattern("/metrics"), Method::Get, Access::Public,
                      plugin::guard_route([&metrics](const plugin::Request&) {
                        plugin::Response response;
                        response.body = metrics.render();
                        response.content_type = "text/plain; version=0.0.4";
                        return response;
                      }),
                      "host"};
  metrics_route.cache_answers = false;
  router.add(std::move(metrics_route));
}

}  // namespace killrvideo::host
