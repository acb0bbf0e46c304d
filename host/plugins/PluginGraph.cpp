#include "plugins/PluginGraph.h"

#include <algorithm>
#include <map>

#include "killrvideo/plugin/PathPattern.h"
#include "plugins/PluginError.h"

namespace killrvideo::host {

PluginGraph::PluginGraph(const std::vector<Registration>& registrations, std::set<std::string> disabled)
    : registrations_(registrations), disabled_(std::move(disabled)) {}

void PluginGraph::validate() const {
  check_problems();
  check_routes();
  check_owned_names();
  check_importers();
  check_reads();
  check_requirements();
  start_order();  // throws on a cycle
}

const Registration* PluginGraph::find(const std::string& plugin) const {
  for (const auto& registration : registrations_) {
    if (registration.plugin == plugin) return &registration;
  }
  return nullptr;
}

std::string PluginGraph::absence_of(const std::string& plugin) const {
  return disabled_.count(plugin) != 0 ? "which is disabled" : "which is not listed in the config";
}

void PluginGraph::check_problems() const {
  for (const auto& registration : registrations_) {
    if (!registration.problems.empty()) {
      throw PluginError("plugin '" + registration.plugin + "': " + registration.problems.front());
    }
  }
}

void PluginGraph::check_routes() const {
  std::map<std::string, const Registration*> claimed;  // "GET /a/{}" → claimant
  for (const auto& registration : registrations_) {
    for (const auto& route : registration.routes) {
      const std::string key = std::string(plugin::to_string(route.spec.method)) + " " +
                              plugin::PathPattern(route.spec.path).shape();
      const auto [existing, inserted] = claimed.emplace(key, &registration);
      if (!inserted) {
        throw PluginError("plugins '" + existing->second->plugin + "' and '" + registration.plugin +
                          "' both register the route " + std::string(plugin::to_string(route.spec.method)) + " " +
                          route.spec.path);
      }
    }
  }
}

void PluginGraph::check_owned_names() const {
  // Tables and collections share one keyspace namespace in the Data API.
  std::map<std::string, const Registration*> owners;
  auto claim = [&](const std::string& name, const Registration& registration, const char* kind) {
    const auto [existing, inserted] = owners.emplace(name, &registration);
    if (!inserted) {
      throw PluginError("plugins '" + existing->second->plugin + "' and '" + registration.plugin +
                        "' both own the " + kind + " '" + name + "'");
    }
  };
  for (const auto& registration : registrations_) {
    for (const auto& [name, definition] : registration.owned_tables) claim(name, registration, "table");
    for (const auto& [name, options] : registration.owned_collections) claim(name, registration, "collection");
  }
}

void PluginGraph::check_importers() const {
  std::map<std::string, const Registration*> importers;
  for (const auto& registration : registrations_) {
    for (const auto& [dataset, importer] : registration.importers) {
      const auto [existing, inserted] = importers.emplace(dataset, &registration);
      if (!inserted) {
        throw PluginError("plugins '" + existing->second->plugin + "' and '" + registration.plugin +
                          "' both import the data set '" + dataset + "'");
      }
    }
  }
}

void PluginGraph::check_reads() const {
  for (const auto& registration : registrations_) {
    for (const auto& read : registration.reads) {
      const Registration* owner = find(read.owner_plugin);
      const std::string what = "plugin '" + registration.plugin + "' reads table '" + read.table +
                               "' of plugin '" + read.owner_plugin + "', ";
      if (owner == nullptr) throw PluginError(what + absence_of(read.owner_plugin));
      if (owner->owned_tables.count(read.table) == 0 && owner->owned_collections.count(read.table) == 0) {
        throw PluginError(what + "which does not own it");
      }
    }
  }
}

void PluginGraph::check_requirements() const {
  for (const auto& registration : registrations_) {
    for (const auto& required : registration.required_plugins) {
      if (find(required) == nullptr) {
        throw PluginError("plugin '" + registration.plugin + "' requires plugin '" + required + "', " +
                          absence_of(required));
      }
    }
  }
}

std::vector<std::string> PluginGraph::dependencies_of(const Registration& registration) const {
  std::vector<std::string> dependencies = registration.required_plugins;
  for (const auto& read : registration.reads) dependencies.push_back(read.owner_plugin);
  dependencies.erase(std::remove(dependencies.begin(), dependencies.end(), registration.plugin),
                     dependencies.end());
  return dependencies;
}

std::vector<std::string> PluginGraph::dependents_of(const std::string& plugin) const {
  const Registration* target = find(plugin);
  const bool provides_accounts = target != nullptr && static_cast<bool>(target->account_lookup);
  std::vector<std::string> reasons;
  for (const auto& registration : registrations_) {
    if (registration.plugin == plugin) continue;
    const std::string who = "plugin '" + registration.plugin + "' ";
    for (const auto& required : registration.required_plugins) {
      if (required == plugin) reasons.push_back(who + "requires it");
    }
    for (const auto& read : registration.reads) {
      if (read.owner_plugin == plugin) reasons.push_back(who + "reads its table '" + read.table + "'");
    }
    const bool authenticates = std::any_of(registration.routes.begin(), registration.routes.end(),
                                           [](const auto& route) { return route.spec.access != plugin::Access::Public; });
    if (provides_accounts && authenticates) reasons.push_back(who + "has routes that look up accounts through it");
  }
  return reasons;
}

std::vector<std::size_t> PluginGraph::start_order() const {
  // Repeatedly take, in config order, the first plugin whose dependencies have all started.
  std::vector<std::size_t> order;
  std::set<std::string> started;
  std::vector<bool> placed(registrations_.size(), false);
  while (order.size() < registrations_.size()) {
    bool progressed = false;
    for (std::size_t i = 0; i < registrations_.size(); ++i) {
      if (placed[i]) continue;
      const auto dependencies = dependencies_of(registrations_[i]);
      const bool ready = std::all_of(dependencies.begin(), dependencies.end(), [&](const std::string& d) {
        return started.count(d) != 0 || find(d) == nullptr;
      });
      if (!ready) continue;
      placed[i] = true;
      started.insert(registrations_[i].plugin);
      order.push_back(i);
      progressed = true;
    }
    if (!progressed) {
      std::string stuck;
      for (std::size_t i = 0; i < registrations_.size(); ++i) {
        if (!placed[i]) stuck += (stuck.empty() ? "'" : ", '") + registrations_[i].plugin + "'";
      }
      throw PluginError("plugins " + stuck + " depend on each other in a cycle");
    }
  }
  return order;
}

}  // namespace killrvideo::host
