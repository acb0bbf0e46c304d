#pragma once
#include <memory>
#include <string>
#include <vector>

#include "config/Config.h"
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

// Owns the enabled plugins from load to stop: opens and gates each library, creates the plugin with its
// own HostServices, records its registration, validates them together (PluginGraph), starts them in
// dependency order and stops them in reverse.
class PluginManager {
 public:
  PluginManager(std::vector<PluginEntry> entries, PluginLocator locator, SharedServices shared);
  ~PluginManager();
  PluginManager(const PluginManager&) = delete;
  PluginManager& operator=(const PluginManager&) = delete;

  // Throws PluginError (one line) for the first plugin that cannot load or conflicts with another.
  void load();
  // Throws PluginError when a plugin fails to start, after stopping those already started.
  void start();
  void stop() noexcept;

  const std::vector<Registration>& registrations() const noexcept { return registrations_; }
  std::vector<LoadedPluginInfo> loaded() const;

 private:
  struct Loaded;
  void load_one(const PluginEntry& entry);

  std::vector<PluginEntry> entries_;
  PluginLocator locator_;
  SharedServices shared_;
  std::vector<std::unique_ptr<Loaded>> plugins_;  // parallel to registrations_
  std::vector<Registration> registrations_;
  std::vector<std::size_t> start_order_;
  std::size_t started_count_ = 0;
};

}  // namespace killrvideo::host
