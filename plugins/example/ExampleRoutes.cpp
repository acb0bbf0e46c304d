#include "ExampleRoutes.h"

#include <nlohmann/json.hpp>

#include "killrvideo/plugin/BodyReader.h"
#include "killrvideo/plugin/Errors.h"
#include "killrvideo/plugin/Responses.h"

namespace killrvideo::example {

namespace {

// `message`: a string of 1..200 characters (code points, as Pydantic counts); BodyReader reports each way
// it can be wrong as FastAPI would, all in one 422.
std::string echo_message(const plugin::Request& request) {
  plugin::BodyReader body(request);
  const auto message = body.string("message", 1, kMaxEchoMessageLength);
  body.finish();
  return *message;
}

}  // namespace

ExampleRoutes::ExampleRoutes(std::string greeting, const std::atomic<std::int64_t>& views_seen)
    : greeting_(std::move(greeting)), views_seen_(views_seen) {}

void ExampleRoutes::register_with(plugin::Registrar& registrar) {
  registrar.route(plugin::Method::Get, "/api/v1/example/greetings/{name}", plugin::Access::Public,
                  [this](const plugin::Request& request) { return greet(request); });
  registrar.route(plugin::Method::Post, "/api/v1/example/echo", plugin::Access::AnyAuth,
                  [this](const plugin::Request& request) { return echo(request); });
}

plugin::Response ExampleRoutes::greet(const plugin::Request& request) const {
  const std::string name(request.path_param("name").value_or(""));
  return plugin::json_response(200, {{"greeting", greeting_ + ", " + name + "!"}, {"viewsSeen", views_seen_.load()}});
}

plugin::Response ExampleRoutes::echo(const plugin::Request& request) const {
  // The host lets only authenticated callers through; without it (a test calling directly) say so.
  const plugin::Principal* caller = request.principal();
  if (caller == nullptr) throw plugin::Unauthorized("Not authenticated");
  const std::string message = echo_message(request);
  return plugin::json_response(200,
                               {{"message", message}, {"length", plugin::utf8_length(message)}, {"userId", caller->user_id}});
}

}  // namespace killrvideo::example
