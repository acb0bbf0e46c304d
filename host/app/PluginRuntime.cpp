#include "app/PluginRuntime.h"

#include "app/EmbedderChoice.h"
#include "app/EmbeddingProfileGuard.h"
#include "app/SchemaBootstrap.h"

namespace killrvideo::host {

namespace {

std::vector<std::filesystem::path> plugin_directories(const Config& config, const std::filesystem::path& exe_dir) {
  if (config.plugin_dirs.empty()) return {exe_dir / "plugins"};
  return {config.plugin_dirs.begin(), config.plugin_dirs.end()};
}

void subscribe_plugins(const std::vector<Registration>& registrations, EventBus& events) {
  for (const auto& registration : registrations) {
    for (const auto& [topic, subscriber] : registration.subscriptions) {
      events.subscribe(topic, registration.plugin, subscriber);
    }
  }
}

}  // namespace

PluginRuntime::PluginRuntime(const Config& config, const std::filesystem::path& executable_dir,
                             std::string jwt_secret)
    : jwt_(std::move(jwt_secret), system_seconds_clock()),
      auth_(jwt_, config.auth),
      embedder_(make_embedder(config.embedding, config.database)),
      data_(config.database),
      plugins_(config.plugins, PluginLocator(plugin_directories(config, executable_dir)),
               SharedServices{&data_.client(), &events_, &auth_, embedder_.get(), &clock_, &ids_}) {
  plugins_.load();
  if (config.database.backend != "none") {
    guard_embedding_profile(data_.client(), config.embedding);
    create_declared_schema(data_.client(), plugins_.registrations());
  }
  subscribe_plugins(plugins_.registrations(), events_);
}

}  // namespace killrvideo::host
