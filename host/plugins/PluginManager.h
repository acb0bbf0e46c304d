#pragma once
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "config/Config.h"
#include "plugins/PluginActivity.h"
#include "plugins/PluginLocator.h"
#include "plugins/Registration.h"
#include "services/PluginServices.h"

namespace killrvideo::host {

class PluginLibrary;

struct LoadedPluginInfo {
  std::string name;
  std::string version;
  std::string file;
};

// What the server does around a plugin switched on or off while serving: create its declared schema,
// put its routes and subscriptions in place (gated by `activity`), and take them away again.
struct PluginSwitchHooks {
  // Refuses, by throwing PluginError, a plugin the server cannot take beside the enabled ones.
  std::function<void(const Registration&)> admit;
  std::function<void(const Registration&)> create_schema;
  std::function<void(const Registration&, const std::shared_ptr<PluginActivity>& activity)> attach;
  std::function<void(const Registration&)> detach;
};

// Owns the enabled plugins from load to stop: opens and gates each library, creates the plugin with its
// own HostServices, records its registration, validates them together (PluginGraph), starts them in
// dependency order and stops them in reverse. While serving, it enables a listed plugin or disables an
// enabled one, one switch at a time.
class PluginManager {
 public:
  PluginManager(std::vector<PluginEntry> entries, PluginLocator locator, SharedServices shared);
  ~PluginManager();
  PluginManager(const PluginManager&) = delete;
  PluginManager& operator=(const PluginManager&) = delete;

  // Throws PluginError (one line) for the first plugin that cannot load or conflicts with another. The
  // plugins loaded here are active at once (their gates open), as they serve from the first request.
  void load();
  // Throws PluginError when a plugin fails to start, after stopping those already started.
  void start();
  void stop() noexcept;

  // Loads the listed plugin `name`, validates it with the enabled ones, creates its schema, starts it,
  // attaches it and only then opens its gate: its routes and subscriptions appear together. On any
  // failure nothing of it stays and PluginError says why (not listed, already enabled, a conflict, a
  // missing requirement, a failed start).
  void enable(const std::string& name, const PluginSwitchHooks& hooks);
  // Closes the plugin's gate (its routes answer 404, its subscribers receive nothing), waits for its
  // running handlers and deliveries, detaches, stops and destroys it; the library stays mapped. Throws
  // PluginError, changing nothing, when it is not enabled or other enabled plugins depend on it.
  void disable(const std::string& name, const PluginSwitchHooks& hooks);

  // The enabled plugins' registrations: read at start-up, before anything can switch.
  const std::vector<Registration>& registrations() const noexcept { return registrations_; }
  std::shared_ptr<PluginActivity> activity(const std::string& plugin) const;
  std::vector<LoadedPluginInfo> loaded() const;
  // The names listed in the config, enabled or not, in config order.
  std::vector<std::string> listed() const;

 private:
  struct Loaded;
  void load_one(const PluginEntry& entry);
  // Removes plugins_[index] and registrations_[index] (destroying the instance).
  void forget(std::size_t index);
  std::set<std::string> listed_but_not_enabled() const;
  std::size_t index_of(const std::string& name) const;  // npos when not enabled

  std::vector<PluginEntry> entries_;
  PluginLocator locator_;
  SharedServices shared_;
  mutable std::mutex switching_;  // one enable/disable at a time, and loaded() consistent with it
  std::vector<std::unique_ptr<Loaded>> plugins_;  // parallel to registrations_
  std::vector<Registration> registrations_;
  std::vector<std::size_t> start_order_;
};

}  // namespace killrvideo::host
