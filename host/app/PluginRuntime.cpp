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

void subscribe_plugins(const PluginManager& plugins, EventBus& events) {
  for (const auto& registration : plugins.registrations()) {
    events.replace_plugin_subscriptions(registration.plugin, registration.subscriptions,
                                        plugins.activity(registration.plugin));
  }
}

}  // namespace

PluginRuntime::PluginRuntime(const Config& config, const std::filesystem::path& executable_dir,
                             std::string jwt_secret)
    : jwt_(std::move(jwt_secret), system_seconds_clock()),
      auth_(jwt_, config.auth),
      embedder_(make_embedder(config.embedding, config.database)),
      vectorize_stand_in_(make_vectorize_stand_in(config.embedding, config.database)),
      data_(config.database, vectorize_stand_in_.get()),
      has_database_(config.database.backend != "none"),
      plugins_(config.plugins, PluginLocator(plugin_directories(config, executable_dir)),
               SharedServices{&data_.client(), &events_, &auth_, embedder_.get(), &clock_, &ids_}) {
  plugins_.load();
  if (has_database_) {
    guard_embedding_profile(data_.client(), config.embedding, config.database);
    create_declared_schema(data_.client(), plugins_.registrations());
  }
  subscribe_plugins(plugins_, events_);
}

void PluginRuntime::create_schema_of(const Registration& registration) {
  if (has_database_) create_declared_schema(data_.client(), {registration});
}

}  // namespace killrvideo::host
