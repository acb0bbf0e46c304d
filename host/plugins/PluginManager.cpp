#include "plugins/PluginManager.h"

#include <set>

#include <spdlog/spdlog.h>

#include "killrvideo/plugin/Plugin.h"
#include "plugins/PluginError.h"
#include "plugins/PluginGraph.h"
#include "plugins/PluginLibrary.h"
#include "data/ScopedDataClient.h"

namespace killrvideo::host {

namespace {

std::set<std::string> names_owned_by(const Registration& registration) {
  std::set<std::string> names;
  for (const auto& [name, spec] : registration.owned_tables) names.insert(name);
  for (const auto& [name, options] : registration.owned_collections) names.insert(name);
  return names;
}

std::set<std::string> names_read_by(const Registration& registration) {
  std::set<std::string> names;
  for (const auto& read : registration.reads) names.insert(read.table);
  return names;
}

}  // namespace

struct PluginManager::Loaded {
  std::unique_ptr<PluginLibrary> library;
  std::unique_ptr<ScopedDataClient> data;
  std::unique_ptr<PluginServices> services;
  plugin::PluginInstance* instance = nullptr;

  ~Loaded() {
    if (instance != nullptr) library->descriptor().destroy(instance);
  }
};

PluginManager::PluginManager(std::vector<PluginEntry> entries, PluginLocator locator, SharedServices shared)
    : entries_(std::move(entries)), locator_(std::move(locator)), shared_(shared) {}

PluginManager::~PluginManager() {
  stop();
  // Instances go before their services; libraries stay mapped (PluginLibrary).
  plugins_.clear();
}

void PluginManager::load() {
  std::set<std::string> disabled;
  for (const auto& entry : entries_) {
    if (!entry.enabled) {
      disabled.insert(PluginLocator::name_of(entry.name));
      spdlog::info("plugin '{}' is disabled in the config: not loaded", entry.name);
      continue;
    }
    load_one(entry);
  }
  PluginGraph graph(registrations_, disabled);
  graph.validate();
  start_order_ = graph.start_order();
}

void PluginManager::load_one(const PluginEntry& entry) {
  const std::string expected_name = PluginLocator::name_of(entry.name);
  auto loaded = std::make_unique<Loaded>();
  loaded->library = std::make_unique<PluginLibrary>(expected_name, locator_.locate(entry.name));
  const auto& descriptor = loaded->library->descriptor();
  const std::string where = "plugin '" + expected_name + "' (" + loaded->library->file().string() + "): ";
  if (descriptor.name != expected_name) {
    throw PluginError(where + "the file holds plugin '" + descriptor.name + "'");
  }
  for (const auto& registration : registrations_) {
    if (registration.plugin == expected_name) throw PluginError(where + "listed twice");
  }
  loaded->data = std::make_unique<ScopedDataClient>(expected_name, *shared_.data);
  SharedServices own_view = shared_;
  own_view.data = loaded->data.get();
  loaded->services = std::make_unique<PluginServices>(
      expected_name, nlohmann::json::parse(entry.config_json), own_view);
  char error[512] = {0};
  loaded->instance = descriptor.create(loaded->services.get(), error, sizeof error);
  if (loaded->instance == nullptr) throw PluginError(where + "failed to construct: " + error);

  Registration registration;
  registration.plugin = expected_name;
  RegistrationRecorder recorder(registration);
  if (const std::string failure = loaded->instance->register_with(recorder); !failure.empty()) {
    throw PluginError(where + "register_with failed: " + failure);
  }
  loaded->data->grant(names_owned_by(registration), names_read_by(registration));
  spdlog::info("plugin '{}' {} loaded from {}: {} routes, {} tables, {} collections", expected_name,
               descriptor.version, loaded->library->file().string(), registration.routes.size(),
               registration.owned_tables.size(), registration.owned_collections.size());
  registrations_.push_back(std::move(registration));
  plugins_.push_back(std::move(loaded));
}

void PluginManager::start() {
  for (const std::size_t index : start_order_) {
    const std::string failure = plugins_[index]->instance->start();
    if (!failure.empty()) {
      stop();
      throw PluginError("plugin '" + registrations_[index].plugin + "' failed to start: " + failure);
    }
    ++started_count_;
    spdlog::info("plugin '{}' started", registrations_[index].plugin);
  }
}

void PluginManager::stop() noexcept {
  while (started_count_ > 0) {
    const std::size_t index = start_order_[--started_count_];
    const std::string failure = plugins_[index]->instance->stop();
    if (failure.empty()) {
      spdlog::info("plugin '{}' stopped", registrations_[index].plugin);
    } else {
      spdlog::error("plugin '{}' failed to stop cleanly: {}", registrations_[index].plugin, failure);
    }
  }
}

std::vector<LoadedPluginInfo> PluginManager::loaded() const {
  std::vector<LoadedPluginInfo> info;
  for (std::size_t i = 0; i < plugins_.size(); ++i) {
    const auto& descriptor = plugins_[i]->library->descriptor();
    info.push_back({registrations_[i].plugin, descriptor.version, plugins_[i]->library->file().string()});
  }
  return info;
}

}  // namespace killrvideo::host
