#include "app/Application.h"

#include <openssl/rand.h>
#include <spdlog/spdlog.h>

#include "app/DataBackend.h"
#include "app/HostRoutes.h"
#include "app/SchemaBootstrap.h"
#include "app/StartupError.h"
#include "services/StopSignals.h"
#include "auth/AccessGate.h"
#include "auth/AuthServiceImpl.h"
#include "auth/JwtCodec.h"
#include "events/EventBus.h"
#include "http/HttpServer.h"
#include "http/Metrics.h"
#include "http/RequestPipeline.h"
#include "http/Router.h"
#include "http/WorkerPool.h"
#include "plugins/PluginError.h"
#include "plugins/PluginManager.h"
#include "services/LocalEmbedder.h"
#include "services/SystemClock.h"
#include "services/UuidGenerator.h"

namespace killrvideo::host {

namespace {

constexpr std::size_t kDevelopmentSecretBytes = 32;

std::string random_secret() {
  unsigned char bytes[kDevelopmentSecretBytes];
  if (RAND_bytes(bytes, sizeof bytes) != 1) throw StartupError("cannot generate a development JWT secret");
  static const char* hex = "0123456789abcdef";
  std::string secret;
  for (const unsigned char b : bytes) {
    secret.push_back(hex[b >> 4]);
    secret.push_back(hex[b & 15]);
  }
  return secret;
}

std::string jwt_secret_for(const AuthConfig& auth, const std::string& config_path) {
  if (!auth.jwt_secret.empty()) return auth.jwt_secret;
  if (!auth.development) {
    throw StartupError(config_path + ": auth.jwt_secret is empty; set KILLRVIDEO_JWT_SECRET, or mark a "
                                     "development config with auth.development: true");
  }
  spdlog::warn("{} is a development config: tokens are signed with a random secret made now and will not "
               "survive a restart; set KILLRVIDEO_JWT_SECRET for anything else",
               config_path);
  return random_secret();
}

std::unique_ptr<plugin::Embedder> make_embedder(const EmbeddingConfig& embedding) {
  if (embedding.provider == "local") return std::make_unique<LocalEmbedder>(embedding.dimension);
  throw StartupError("embedding.provider '" + embedding.provider + "' is not available in this build; use 'local'");
}

std::vector<std::filesystem::path> plugin_directories(const Config& config, const std::filesystem::path& exe_dir) {
  if (config.plugin_dirs.empty()) return {exe_dir / "plugins"};
  return {config.plugin_dirs.begin(), config.plugin_dirs.end()};
}

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

void wire_plugins(const std::vector<Registration>& registrations, Router& router, EventBus& events) {
  for (const auto& registration : registrations) {
    for (const auto& route : registration.routes) {
      router.add({plugin::PathPattern(route.spec.path), route.spec.method, route.spec.access, route.handler,
                  registration.plugin});
    }
    for (const auto& [topic, subscriber] : registration.subscriptions) {
      events.subscribe(topic, registration.plugin, subscriber);
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

  const JwtCodec jwt(jwt_secret_for(config_.auth, config_.source_path), system_seconds_clock());
  AuthServiceImpl auth(jwt, config_.auth);
  SystemClock clock;
  UuidGenerator ids;
  const auto embedder = make_embedder(config_.embedding);
  DataBackend data(config_.database);
  EventBus events;

  PluginManager plugins(config_.plugins, PluginLocator(plugin_directories(config_, executable_dir_)),
                        SharedServices{&data.client(), &events, &auth, embedder.get(), &clock, &ids});
  plugins.load();
  if (config_.database.backend != "none") create_declared_schema(data.client(), plugins.registrations());

  Router router;
  Metrics metrics;
  add_host_routes(router, metrics);
  wire_plugins(plugins.registrations(), router, events);
  for (const auto& loaded : plugins.loaded()) metrics.add_plugin(loaded.name, loaded.version);
  const AccessGate gate(jwt);
  const CorsPolicy cors(config_.server.cors_origins);
  RequestPipeline pipeline(router, cors, access_check_over(gate, the_account_lookup(plugins.registrations())), ids,
                           metrics, {config_.server.max_body_bytes, config_.server.access_log == "stdout"});

  plugins.start();
  WorkerPool workers(config_.server.workers, config_.server.queue_capacity);
  HttpServer http({config_.server.listen, config_.server.port, config_.server.io_threads,
                   config_.server.max_body_bytes},
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
  plugins.stop();
  spdlog::info("stopped");
  return 0;
}

}  // namespace killrvideo::host
