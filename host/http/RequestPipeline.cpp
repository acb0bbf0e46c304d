#include "http/RequestPipeline.h"

#include <chrono>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "http/AccessLog.h"
#include "http/ClientText.h"
#include "http/RequestIds.h"
#include "http/RoutedRequest.h"
#include "http/TextParameters.h"
#include "killrvideo/plugin/Responses.h"

namespace killrvideo::host {

namespace {

// Deeper documents are refused before they are built: nothing a client sends legitimately nests this far.
constexpr std::size_t kMaxJsonDepth = 64;
constexpr std::size_t kMaxRequestIdLength = 128;

double now_seconds() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}

bool is_safe_request_id(std::string_view id) {
  if (id.empty() || id.size() > kMaxRequestIdLength) return false;
  for (const char c : id) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.') return false;
  }
  return true;
}

bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

plugin::Response json_invalid(const std::string& reason, std::size_t position) {
  return plugin::validation_response({plugin::ValidationIssue{
      "json_invalid", {"body", position}, "JSON decode error", nlohmann::json::object(), {{"error", reason}}}});
}

// Parses the body, or returns the 422 to send instead.
std::optional<plugin::Response> parse_body(const std::string& body, nlohmann::json& parsed) {
  if (is_blank(body)) return std::nullopt;
  const auto limit_depth = [](int depth, nlohmann::json::parse_event_t, nlohmann::json&) {
    if (static_cast<std::size_t>(depth) > kMaxJsonDepth) {
      throw std::length_error("nesting deeper than " + std::to_string(kMaxJsonDepth) + " levels");
    }
    return true;
  };
  try {
    parsed = nlohmann::json::parse(body, limit_depth);
    return std::nullopt;
  } catch (const nlohmann::json::parse_error& e) {
    return json_invalid("Invalid JSON", e.byte);
  } catch (const nlohmann::json::out_of_range&) {
    // A number beyond a double's range (1e999, or hundreds of digits): valid JSON no field can hold.
    return json_invalid("Number out of range", 0);
  } catch (const std::length_error& e) {
    return json_invalid(e.what(), 0);
  }
}

// The target as the client sent it: the same bytes always name the same route, parameters and answer.
std::string cache_key(const IncomingRequest& request) {
  return request.raw_query.empty() ? request.raw_path : request.raw_path + "?" + request.raw_query;
}

}  // namespace

std::string absolute_url(const IncomingRequest& request) {
  const auto host = request.header("Host");
  const auto scheme = request.header("X-Forwarded-Proto");
  std::string url = url_text(scheme ? *scheme : "http") + "://" + url_text(host ? *host : "localhost") +
                    url_text(request.raw_path);
  if (!request.raw_query.empty()) url += "?" + url_text(request.raw_query);
  return url;
}

RequestPipeline::RequestPipeline(const Router& router, const CorsPolicy& cors, AccessCheck access_check,
                                 Metrics& metrics, PipelineSettings settings, ResponseCache* cache)
    : router_(router),
      cors_(cors),
      access_check_(std::move(access_check)),
      metrics_(metrics),
      settings_(settings),
      cache_(cache),
      access_log_(spdlog::get(kAccessLoggerName)) {
  if (!access_log_) access_log_ = spdlog::default_logger();
}

std::string RequestPipeline::request_id_for(const IncomingRequest& request) {
  const auto given = request.header("X-Request-Id");
  return given && is_safe_request_id(*given) ? std::string(*given) : new_request_id();
}

plugin::Response RequestPipeline::handle(const IncomingRequest& request) noexcept {
  const double started_at = now_seconds();
  std::string request_id;
  try {
    request_id = request_id_for(request);
    return finish(request, route_and_run(request, request_id), request_id, started_at);
  } catch (const std::exception& e) {
    spdlog::error("request {}: {} {} failed in the host: {}", request_id, loggable(request.method),
                  loggable(request.raw_path), e.what());
    Outcome failed{plugin::problem_response(500, plugin::kInternalErrorDetail, absolute_url(request))};
    return finish(request, std::move(failed), request_id, started_at);
  }
}

// Only what every anonymous caller would get alike: a GET without a body or credentials, on a route open to
// anonymous callers whose answers come from stored data.
bool RequestPipeline::may_cache(const IncomingRequest& request, const Route& route) const {
  return cache_ != nullptr && route.cache_answers && route.method == plugin::Method::Get &&
         (route.access == plugin::Access::Public || route.access == plugin::Access::Optional) &&
         request.body.empty() && !request.header("Authorization");
}

std::optional<plugin::Response> RequestPipeline::answer_at_once(const IncomingRequest& request) noexcept {
  if (cache_ == nullptr || request.method != "GET") return std::nullopt;
  try {
    const double started_at = now_seconds();
    const RouteMatch match = router_.match(request.method, request.raw_path);
    if (match.kind != RouteMatch::Kind::Found || !may_cache(request, *match.route)) return std::nullopt;
    const Route& route = *match.route;
    // A disabled plugin's route answers 404, which handle() says.
    if (route.activity != nullptr && !route.activity->enter()) return std::nullopt;
    const auto cached = cache_->find(cache_key(request));
    if (!cached) return std::nullopt;
    return finish(request, Outcome{*cached, route.pattern.text()}, request_id_for(request), started_at);
  } catch (const std::exception&) {
    return std::nullopt;  // handle() runs it and says what failed
  }
}

plugin::Response RequestPipeline::refuse(const IncomingRequest& request, int status,
                                         std::string_view detail) noexcept {
  const double started_at = now_seconds();
  const std::string request_id = request_id_for(request);
  Outcome refused{plugin::problem_response(status, detail, absolute_url(request))};
  return finish(request, std::move(refused), request_id, started_at);
}

RequestPipeline::Outcome RequestPipeline::route_and_run(const IncomingRequest& request,
                                                        const std::string& request_id) {
  const auto origin = request.header("Origin");
  const auto preflight_method = request.header("Access-Control-Request-Method");
  if (request.method == "OPTIONS" && origin && preflight_method) {
    const auto headers = cors_.preflight_headers(*origin, *preflight_method,
                                                 request.header("Access-Control-Request-Headers"));
    if (!headers) return {plugin::detail_response(400, "Disallowed CORS origin"), "preflight"};
    plugin::Response allowed = plugin::no_content();
    allowed.headers = *headers;
    return {std::move(allowed), "preflight"};
  }
  if (request.body.size() > settings_.max_body_bytes) {
    return {plugin::problem_response(413,
                                     "Request body too large: " + std::to_string(request.body.size()) +
                                         " bytes; the limit is " + std::to_string(settings_.max_body_bytes),
                                     absolute_url(request))};
  }
  const RouteMatch match = router_.match(request.method, request.raw_path);
  switch (match.kind) {
    case RouteMatch::Kind::NotFound:
      return {plugin::detail_response(404, "Not Found")};
    case RouteMatch::Kind::MethodNotAllowed: {
      plugin::Response refused = plugin::detail_response(405, "Method Not Allowed");
      std::string allow;
      for (const auto& method : match.allowed_methods) allow += (allow.empty() ? "" : ", ") + method;
      refused.headers.emplace_back("Allow", allow);
      return {std::move(refused)};
    }
    case RouteMatch::Kind::TrailingSlashRedirect: {
      plugin::Response redirect = plugin::json_response(307, nlohmann::json::object());
      redirect.headers.emplace_back(
          "Location", match.redirect_path + (request.raw_query.empty() ? "" : "?" + request.raw_query));
      return {std::move(redirect)};
    }
    case RouteMatch::Kind::Found:
      return run_route(request, match, request_id);
  }
  return {plugin::detail_response(404, "Not Found")};
}

RequestPipeline::Outcome RequestPipeline::run_route(const IncomingRequest& request, const RouteMatch& match,
                                                    const std::string& request_id) {
  const Route& route = *match.route;
  // A route of a plugin being disabled (or not yet enabled) is not there; a disable waits for this pass.
  const PluginActivity::Pass pass = route.activity != nullptr ? route.activity->enter() : PluginActivity::Pass();
  if (route.activity != nullptr && !pass) return {plugin::detail_response(404, "Not Found")};
  Outcome outcome;
  outcome.route_label = route.pattern.text();
  RoutedRequest routed(request, route.method, plugin::url_decode(request.raw_path, false), absolute_url(request),
                       match.params, request_id);
  nlohmann::json body;
  if (auto invalid = parse_body(request.body, body)) {
    outcome.response = std::move(*invalid);
    return outcome;
  }
  routed.set_body(std::move(body));
  if (route.access != plugin::Access::Public) {
    AccessDecision decision = access_check_(route.access, request.header("Authorization"));
    if (decision.refusal_status != 0) {
      outcome.response = plugin::problem_response(decision.refusal_status, decision.refusal_detail, routed.url());
      return outcome;
    }
    routed.set_principal(std::move(decision.principal));
  }
  // Parameters are validated where a handler would validate them: after the access gate (api-contract §1.4).
  if (auto issues = text_parameter_issues(match.params, request.query); !issues.empty()) {
    outcome.response = plugin::validation_response(issues);
    return outcome;
  }
  const bool cacheable = may_cache(request, route);
  std::string key;
  std::uint64_t writes_before = 0;
  if (cacheable) {
    key = cache_key(request);
    if (const auto cached = cache_->find(key)) {
      outcome.response = *cached;
      return outcome;
    }
    writes_before = cache_->writes();
  }
  outcome.response = route.handler(routed);
  if (cacheable) cache_->store(key, writes_before, outcome.response);
  if (!outcome.response.failure.empty()) {
    spdlog::error("request {}: {} {} in plugin '{}' failed: {}", request_id, loggable(request.method), route.pattern.text(),
                  route.plugin, outcome.response.failure);
    outcome.response.failure.clear();
  }
  return outcome;
}

plugin::Response RequestPipeline::finish(const IncomingRequest& request, Outcome outcome,
                                         const std::string& request_id, double started_at) {
  plugin::Response& response = outcome.response;
  response.headers.emplace_back("X-Request-Id", request_id);
  for (auto& header : cors_.response_headers(request.header("Origin"))) {
    response.headers.push_back(std::move(header));
  }
  const double elapsed = now_seconds() - started_at;
  metrics_.observe(request.method, outcome.route_label, response.status, elapsed);
  if (settings_.access_log) {
    access_log_->info("{} {} {} {} {:.2f}ms request_id={}", loggable(request.method), loggable(request.raw_path), response.status,
                 response.body.size(), elapsed * 1000.0, request_id);
  }
  return std::move(response);
}

}  // namespace killrvideo::host
