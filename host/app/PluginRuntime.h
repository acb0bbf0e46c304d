#pragma once
// What the server and killrvideo-load both stand on: the services every plugin shares, the active data
// backend, and the enabled plugins loaded over them (validated, their declared schema created, their event
// subscriptions wired). Starting the plugins is a separate step; they stop when the runtime goes away.

#include <filesystem>
#include <memory>
#include <string>

#include "app/DataBackend.h"
#include "auth/AuthServiceImpl.h"
#include "auth/JwtCodec.h"
#include "config/Config.h"
#include "events/EventBus.h"
#include "plugins/PluginManager.h"
#include "services/SystemClock.h"
#include "services/UuidGenerator.h"

namespace killrvideo::host {

class PluginRuntime {
 public:
  // `config` outlives the runtime. `executable_dir` anchors the default plugin directory
  // (<executable_dir>/plugins). Throws ConfigError, PluginError or StartupError with a one-line message.
  PluginRuntime(const Config& config, const std::filesystem::path& executable_dir, std::string jwt_secret);
  PluginRuntime(const PluginRuntime&) = delete;
  PluginRuntime& operator=(const PluginRuntime&) = delete;

  // Throws PluginError when a plugin fails to start, after stopping those already started.
  void start_plugins() { plugins_.start(); }
  void stop_plugins() noexcept { plugins_.stop(); }

  const JwtCodec& jwt() const noexcept { return jwt_; }
  UuidGenerator& ids() noexcept { return ids_; }
  // The unscoped seam: owned by no plugin.
  plugin::DataClient& data() noexcept { return data_.client(); }
  // Writes through this server, when it is the store's only writer (DataBackend::own_writes).
  const WriteCountingDataClient* own_writes() const noexcept { return data_.own_writes(); }
  DataBackend& backend() noexcept { return data_; }
  const PluginManager& plugins() const noexcept { return plugins_; }
  PluginManager& plugins() noexcept { return plugins_; }
  EventBus& events() noexcept { return events_; }
  // The tables and collections one plugin declared, created if missing (nothing without a database).
  // Throws StartupError naming the plugin, the object and the Data API error.
  void create_schema_of(const Registration& registration);

 private:
  JwtCodec jwt_;
  AuthServiceImpl auth_;
  SystemClock clock_;
  UuidGenerator ids_;
  std::unique_ptr<plugin::Embedder> embedder_;
  std::unique_ptr<plugin::Embedder> vectorize_stand_in_;  // the embedded store's, under astra-vectorize
  DataBackend data_;
  bool has_database_;
  EventBus events_;
  PluginManager plugins_;  // last: stops and goes before the services it uses
};

}  // namespace killrvideo::host
