#pragma once
// Everything one plugin declared through its Registrar.

#include <map>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "killrvideo/plugin/Registrar.h"

namespace killrvideo::host {

struct RegisteredRoute {
  plugin::RouteSpec spec;
  plugin::RouteHandler handler;  // guarded inside the plugin
};

struct TableRead {
  std::string owner_plugin;
  std::string table;
};

struct Registration {
  std::string plugin;
  std::vector<RegisteredRoute> routes;
  std::vector<std::pair<std::string, plugin::GuardedSubscriber>> subscriptions;
  std::map<std::string, nlohmann::ordered_json> owned_tables;        // name → createTable definition
  std::map<std::string, nlohmann::ordered_json> owned_collections;   // name → createCollection options
  std::vector<TableRead> reads;
  std::vector<std::string> required_plugins;
  plugin::AccountLookup account_lookup;
  // data set → importer; one that takes a row at a time is called once per row of a batch
  std::map<std::string, plugin::GuardedBatchImporter> importers;
  std::map<std::string, plugin::GuardedRecount> recounts;    // counters' name → their repair
  std::vector<std::string> problems;  // malformed declarations, reported at start-up
};

// The Registrar a plugin's register_with receives: it only records.
class RegistrationRecorder final : public plugin::Registrar {
 public:
  explicit RegistrationRecorder(Registration& registration) : registration_(registration) {}

  void add_route(const plugin::RouteSpec& spec, plugin::RouteHandler guarded_handler) noexcept override;
  void add_subscription(const std::string& topic, plugin::GuardedSubscriber guarded) noexcept override;
  void set_account_lookup(plugin::AccountLookup guarded_lookup) noexcept override;
  void own_table(const std::string& name, const nlohmann::ordered_json& definition) noexcept override;
  void own_collection(const std::string& name, const nlohmann::ordered_json& options) noexcept override;
  void read_table(const std::string& owner_plugin, const std::string& name) noexcept override;
  void require_plugin(const std::string& name) noexcept override;
  void add_importer(const std::string& dataset, plugin::GuardedImporter guarded) noexcept override;
  void add_recount(const std::string& name, plugin::GuardedRecount guarded) noexcept override;
  void add_batch_importer(const std::string& dataset, plugin::GuardedBatchImporter guarded) noexcept override;

 private:
  void add_any_importer(const std::string& dataset, plugin::GuardedBatchImporter guarded) noexcept;
  void record(const std::string& what, const std::function<void()>& action) noexcept;
  Registration& registration_;
};

}  // namespace killrvideo::host
