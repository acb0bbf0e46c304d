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

std::string joined(const std::vector<std::string>& parts) {
  std::string text;
  for (const auto& part : parts) text += (text.empty() ? "" : "; ") + part;
  return text;
}

}  // namespace

struct PluginManager::Loaded {
  std::unique_ptr<PluginLibrary> library;
  std::unique_ptr<ScopedDataClient> data;
  std::unique_ptr<PluginServices> services;
  plugin::PluginInstance* instance = nullptr;
  std::shared_ptr<PluginActivity> activity = std::make_shared<PluginActivity>();
  bool started = false;

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
  for (const auto& entry : entries_) {
    if (!entry.enabled) {
      spdlog::info("plugin '{}' is disabled in the config: not loaded", entry.name);
      continue;
    }
    load_one(entry);
  }
  PluginGraph graph(registrations_, listed_but_not_enabled());
  graph.validate();
  start_order_ = graph.start_order();
  for (const auto& loaded : plugins_) loaded->activity->open();
}

std::set<std::string> PluginManager::listed_but_not_enabled() const {
  std::set<std::string> absent;
  for (const auto& entry : entries_) {
    const std::string name = PluginLocator::name_of(entry.name);
    if (index_of(name) == std::string::npos) absent.insert(name);
  }
  return absent;
}

std::size_t PluginManager::index_of(const std::string& name) const {
  for (std::size_t i = 0; i < registrations_.size(); ++i) {
    if (registrations_[i].plugin == name) return i;
  }
  return std::string::npos;
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
  if (index_of(expected_name) != std::string::npos) throw PluginError(where + "listed twice");
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
    plugins_[index]->started = true;
    spdlog::info("plugin '{}' started", registrations_[index].plugin);
  }
}

void PluginManager::stop() noexcept {
  for (auto it = start_order_.rbegin(); it != start_order_.rend(); ++it) {
    auto& loaded = *plugins_[*it];
    if (!loaded.started) continue;
    loaded.started = false;
    const std::string failure = loaded.instance->stop();
    if (failure.empty()) {
      spdlog::info("plugin '{}' stopped", registrations_[*it].plugin);
    } else {
      spdlog::error("plugin '{}' failed to stop cleanly: {}", registrations_[*it].plugin, failure);
    }
  }
}

void PluginManager::forget(std::size_t index) {
  plugins_.erase(plugins_.begin() + static_cast<std::ptrdiff_t>(index));
  registrations_.erase(registrations_.begin() + static_cast<std::ptrdiff_t>(index));
  start_order_ = PluginGraph(registrations_, listed_but_not_enabled()).start_order();
}

void PluginManager::enable(const std::string& name, const PluginSwitchHooks& hooks) {
  const std::lock_guard lock(switching_);
  const PluginEntry* entry = nullptr;
  for (const auto& candidate : entries_) {
    if (PluginLocator::name_of(candidate.name) == name) entry = &candidate;
  }
  if (entry == nullptr) throw PluginError("plugin '" + name + "' is not listed in the config");
  if (index_of(name) != std::string::npos) throw PluginError("plugin '" + name + "' is already enabled");

  load_one(*entry);  // on failure, nothing was added
  const std::size_t index = registrations_.size() - 1;
  Loaded& loaded = *plugins_[index];
  try {
    PluginGraph graph(registrations_, listed_but_not_enabled());
    graph.validate();
    start_order_ = graph.start_order();
    hooks.admit(registrations_[index]);
    hooks.create_schema(registrations_[index]);
    if (const std::string failure = loaded.instance->start(); !failure.empty()) {
      throw PluginError("plugin '" + name + "' failed to start: " + failure);
    }
    loaded.started = true;
  } catch (...) {
    forget(index);
    throw;
  }
  hooks.attach(registrations_[index], loaded.activity);
  loaded.activity->open();
  spdlog::info("plugin '{}' enabled", name);
}

void PluginManager::disable(const std::string& name, const PluginSwitchHooks& hooks) {
  const std::lock_guard lock(switching_);
  const std::size_t index = index_of(name);
  if (index == std::string::npos) throw PluginError("plugin '" + name + "' is not enabled");
  const auto dependents = PluginGraph(registrations_, listed_but_not_enabled()).dependents_of(name);
  if (!dependents.empty()) {
    throw PluginError("plugin '" + name + "' cannot be disabled while other plugins depend on it: " +
                      joined(dependents) + "; disable them first");
  }
  Loaded& loaded = *plugins_[index];
  loaded.activity->close_and_wait();
  hooks.detach(registrations_[index]);
  if (loaded.started) {
    loaded.started = false;
    if (const std::string failure = loaded.instance->stop(); !failure.empty()) {
      spdlog::error("plugin '{}' failed to stop cleanly: {}", name, failure);
    }
  }
  forget(index);
  spdlog::info("plugin '{}' disabled", name);
}

std::shared_ptr<PluginActivity> PluginManager::activity(const std::string& plugin) const {
  const std::lock_guard lock(switching_);
  const std::size_t index = index_of(plugin);
  return index == std::string::npos ? nullptr : plugins_[index]->activity;
}

std::vector<LoadedPluginInfo> PluginManager::loaded() const {
  const std::lock_guard lock(switching_);
  std::vector<LoadedPluginInfo> info;
  for (std::size_t i = 0; i < plugins_.size(); ++i) {
    const auto& descriptor = plugins_[i]->library->descriptor();
    info.push_back({registrations_[i].plugin, descriptor.version, plugins_[i]->library->file().string()});
  }
  return info;
}

std::vector<std::string> PluginManager::listed() const {
  std::vector<std::string> names;
  for (const auto& entry : entries_) names.push_back(PluginLocator::name_of(entry.name));
  return names;
}

}  // namespace killrvideo::host
