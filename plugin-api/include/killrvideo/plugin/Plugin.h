#pragma once
// What a plugin author implements, and the guarded interface that actually crosses the boundary.

#include <string>

namespace killrvideo::plugin {

class Registrar;

// Implement this; export it with KILLRVIDEO_PLUGIN (PluginExport.h). The constructor receives the
// plugin's HostServices; keep a reference, it outlives the plugin.
class Plugin {
 public:
  virtual ~Plugin() = default;
  // Declare routes, tables, reads, subscriptions and required plugins. Called exactly once.
  virtual void register_with(Registrar& registrar) = 0;
  // At start-up, called in dependency order after every plugin registered and the schema exists; stop()
  // in reverse at shutdown. A plugin enabled while serving starts once its own schema exists, and a
  // disabled one stops after its last running handler returned; each instance starts at most once.
  virtual void start() {}
  virtual void stop() {}
};

// The boundary form of a Plugin, implemented inside the plugin by PluginExport.h's adapter.
// Each call returns "" on success or what went wrong; none throws.
class PluginInstance {
 public:
  virtual ~PluginInstance() = default;
  virtual std::string register_with(Registrar& registrar) noexcept = 0;
  virtual std::string start() noexcept = 0;
  virtual std::string stop() noexcept = 0;
};

}  // namespace killrvideo::plugin
