#include "ExampleRoutes.h"

#include <nlohmann/json.hpp>

#include "killrvideo/plugin/Errors.h"
#include "killrvideo/plugin/Responses.h"

namespace killrvideo::example {

namespace {

using nlohmann::json;
using plugin::ValidationError;
using plugin::ValidationIssue;

// Pydantic counts code points, not bytes; the body already passed JSON parsing, so it is valid UTF-8.
std::size_t code_points(const std::string& text) {
  std::size_t count = 0;
  for (unsigned char byte : text) {
    if ((byte & 0xC0) != 0x80) ++count;
  }
  return count;
}

[[noreturn]] void reject_message(std::string type, std::string msg, json input, json ctx = nullptr) {
  throw ValidationError({ValidationIssue{std::move(type), {"body", "message"}, std::move(msg), std::move(input),
                                         std::move(ctx)}});
}

// `message`: a string of 1..200 characters, with FastAPI's issue for each way it can be wrong.
std::string echo_message(const json& body) {
  if (!body.is_object() || !body.contains("message")) reject_message("missing", "Field required", body);
  const json& message = body.at("message");
  if (!message.is_string()) reject_message("string_type", "Input should be a valid string", message);
  const std::string text = message.get<std::string>();
  const std::size_t length = code_points(text);
  if (length < 1) {
    reject_message("string_too_short", "String should have at least 1 character", message, {{"min_length", 1}});
  }
  if (length > kMaxEchoMessageLength) {
    reject_message("string_too_long",
                   "String should have at most " + std::to_string(kMaxEchoMessageLength) + " characters", message,
                   {{"max_length", kMaxEchoMessageLength}});
  }
  return text;
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
  const std::string message = echo_message(request.body());
  return plugin::json_response(200, {{"message", message}, {"length", code_points(message)}, {"userId", caller->user_id}});
}

}  // namespace killrvideo::example
