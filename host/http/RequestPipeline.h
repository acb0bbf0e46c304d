#pragma once
// Everything between "a request arrived" and "this is the response", independent of the HTTP library.
// The order of checks decides status codes (design §3, api-contract §1.4):
// request id → CORS preflight → body size (413) → route (404/405) → JSON body (422) → access gate
// (401/403/404) → path and query parameters that are not text (422) → handler (its own 422s) → access
// log and metrics (client bytes escaped).

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "http/IncomingRequest.h"
#include "http/Metrics.h"
#include "http/RequestHandler.h"
#include "http/ResponseCache.h"
#include "http/Router.h"
#include "killrvideo/plugin/HostServices.h"
#include "killrvideo/plugin/Http.h"

namespace spdlog {
class logger;
}

namespace killrvideo::host {

// What the access gate decided: a principal (or anonymous), or a refusal with status and detail.
struct AccessDecision {
  std::optional<plugin::Principal> principal;
  int refusal_status = 0;  // 0: proceed
  std::string refusal_detail;
};
using AccessCheck =
    std::function<AccessDecision(plugin::Access access, std::optional<std::string_view> authorization)>;

struct PipelineSettings {
  std::size_t max_body_bytes = 1048576;
  bool access_log = true;
};

class RequestPipeline final : public RequestHandler {
 public:
  RequestPipeline(const Router& router, const CorsPolicy& cors, AccessCheck access_check, Metrics& metrics,
                  PipelineSettings settings,
                  ResponseCache* cache = nullptr);

  // Never throws: every failure becomes a JSON response.
  plugin::Response handle(const IncomingRequest& request) noexcept;
  // The answer to an anonymous GET that the cache holds, passed through the same route and plugin checks
  // and logged and counted as handle() would; nullopt when a handler has to run.
  std::optional<plugin::Response> answer_at_once(const IncomingRequest& request) noexcept override;
  // For answers made outside the pipeline (queue full, draining): same headers, log line and metrics.
  plugin::Response refuse(const IncomingRequest& request, int status, std::string_view detail) noexcept;

 private:
  struct Outcome {
    plugin::Response response;
    std::string route_label = "unmatched";
  };
  Outcome route_and_run(const IncomingRequest& request, const std::string& request_id);
  Outcome run_route(const IncomingRequest& request, const RouteMatch& match, const std::string& request_id);
  plugin::Response finish(const IncomingRequest& request, Outcome outcome, const std::string& request_id,
                          double started_at);
  std::string request_id_for(const IncomingRequest& request);
  bool may_cache(const IncomingRequest& request, const Route& route) const;

  const Router& router_;
  const CorsPolicy& cors_;
  AccessCheck access_check_;
  Metrics& metrics_;
  PipelineSettings settings_;
  ResponseCache* cache_;
  std::shared_ptr<spdlog::logger> access_log_;
};

// "http://host/path?query" as the client addressed it (the problem body's `instance`).
std::string absolute_url(const IncomingRequest& request);

}  // namespace killrvideo::host
