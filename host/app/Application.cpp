#include "app/Application.h"

#include <spdlog/spdlog.h>

#include "app/AccountLookupSlot.h"
#include "app/AdminRoutes.h"
#include "app/HostRoutes.h"
#include "app/JwtSecret.h"
#include "app/PluginRuntime.h"
#include "app/PluginSwitchboard.h"
#include "auth/AccessGate.h"
#include "data/WriteCountingDataClient.h"
#include "http/HttpServer.h"
#include "http/Metrics.h"
#include "http/RequestPipeline.h"
#include "http/ResponseCache.h"
#include "http/Router.h"
#include "http/WorkerPool.h"
#include "plugins/PluginError.h"
#include "services/StopSignals.h"

namespace killrvideo::host {

namespace {

AccessCheck access_check_over(const AccessGate& gate, const AccountLookupSlot& accounts) {
  return [&gate, &accounts](plugin::Access access, std::optional<std::string_view> authorization) {
    AccessDecision decision;
    const AccessOutcome outcome = gate.check(access, authorization, accounts.current());
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
  AccountLookupSlot accounts;
  PluginSwitchboard switchboard(runtime, router, metrics, accounts);
  add_host_routes(router, metrics);
  switchboard.attach_started_plugins();
  add_admin_routes(router, switchboard, config_.admin.token);
  for (const auto& loaded : plugins.loaded()) metrics.add_plugin(loaded.name, loaded.version);
  const AccessGate gate(runtime.jwt());
  const CorsPolicy cors(config_.server.cors_origins);
  std::unique_ptr<ResponseCache> cache;
  if (const WriteCountingDataClient* writes = runtime.own_writes(); writes && config_.server.response_cache_ms > 0) {
    cache = std::make_unique<ResponseCache>([writes] { return writes->writes(); },
                                            std::chrono::milliseconds(config_.server.response_cache_ms));
  }
  RequestPipeline pipeline(router, cors, access_check_over(gate, accounts), metrics,
                           {config_.server.max_body_bytes, config_.server.access_log == "stdout"}, cache.get());

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
