#include "app/Application.h"

#include <spdlog/spdlog.h>

#include "app/HostRoutes.h"
#include "app/JwtSecret.h"
#include "app/PluginRuntime.h"
#include "auth/AccessGate.h"
#include "http/HttpServer.h"
#include "http/Metrics.h"
#include "http/RequestPipeline.h"
#include "http/Router.h"
#include "http/WorkerPool.h"
#include "plugins/PluginError.h"
#include "services/StopSignals.h"

namespace killrvideo::host {

namespace {

plugin::AccountLookup the_account_lookup(const std::vector<Registration>& registrations) {
  const Registration* provider = nullptr;
  for (const auto& registration : registrations) {
    if (!registration.account_lookup) continue;
    if (provider != nullptr) {
      throw PluginError("plugins '" + provider->plugin + "' and '" + registration.plugin +
                        "' both provide the account lookup");
    }
    provider = &registration;
  }
  return provider != nullptr ? provider->account_lookup : plugin::AccountLookup{};
}

void add_plugin_routes(const std::vector<Registration>& registrations, Router& router) {
  for (const auto& registration : registrations) {
    for (const auto& route : registration.routes) {
      router.add({plugin::PathPattern(route.spec.path), route.spec.method, route.spec.access, route.handler,
                  registration.plugin});
    }
  }
}

AccessCheck access_check_over(const AccessGate& gate, plugin::AccountLookup lookup) {
  return [&gate, lookup = std::move(lookup)](plugin::Access access, std::optional<std::string_view> authorization) {
    AccessDecision decision;
    const AccessOutcome outcome = gate.check(access, authorization, lookup);
    if (const auto* granted = std::get_if<AccessGranted>(&outcome)) {
      decision.principal = granted->principal;
      return decision;
    }
    const auto& refused = std::get<AccessRefused>(outcome);
    if (!refused.failure.empty()) spdlog::error("account lookup failed: {}", refused.failure);
    decision.refusal_status = refused.status;
    decision.refusal_detail = refused.detail;
    return decision;
  };
}

}  // namespace

Application::Application(Config config, std::filesystem::path executable_dir)
    : config_(std::move(config)), executable_dir_(std::move(executable_dir)) {}

int Application::run() {
  const StopSignals stop_signals;  // before any thread exists

  PluginRuntime runtime(config_, executable_dir_, jwt_secret_for(config_.auth, config_.source_path));
  const PluginManager& plugins = runtime.plugins();

  Router router;
  Metrics metrics;
  add_host_routes(router, metrics);
  add_plugin_routes(plugins.registrations(), router);
  for (const auto& loaded : plugins.loaded()) metrics.add_plugin(loaded.name, loaded.version);
  const AccessGate gate(runtime.jwt());
  const CorsPolicy cors(config_.server.cors_origins);
  RequestPipeline pipeline(router, cors, access_check_over(gate, the_account_lookup(plugins.registrations())),
                           runtime.ids(), metrics,
                           {config_.server.max_body_bytes, config_.server.access_log == "stdout"});

  runtime.start_plugins();
  WorkerPool workers(config_.server.workers, config_.server.queue_capacity);
  HttpServer http({config_.server.listen, config_.server.port, config_.server.io_threads,
                   config_.server.max_body_bytes, std::chrono::seconds(config_.server.idle_timeout_seconds),
                   std::chrono::seconds(config_.server.request_timeout_seconds),
                   static_cast<std::size_t>(config_.server.max_connections),
                   static_cast<std::size_t>(config_.server.max_connections_per_client)},
                  pipeline, workers);
  http.start();
  spdlog::info("killrvideo listening on http://{}:{} ({} routes, {} plugins)", config_.server.listen, http.port(),
               router.size(), plugins.loaded().size());

  const int signal = stop_signals.wait();
  spdlog::info("received {}: finishing in-flight requests (up to {} s)", signal == SIGTERM ? "SIGTERM" : "SIGINT",
               config_.server.shutdown_grace_seconds);
  if (!http.drain(std::chrono::seconds(config_.server.shutdown_grace_seconds))) {
    spdlog::warn("in-flight requests did not finish within the grace period; stopping anyway");
  }
  http.stop();
  workers.stop();
  runtime.stop_plugins();
  spdlog::info("stopped");
  return 0;
}

}  // namespace killrvideo::host
