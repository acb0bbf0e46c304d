#include "plugins/Registration.h"

#include <stdexcept>

#include "killrvideo/plugin/PathPattern.h"

namespace killrvideo::host {

void RegistrationRecorder::record(const std::string& what, const std::function<void()>& action) noexcept {
  try {
    action();
  } catch (const std::exception& e) {
    registration_.problems.push_back(what + ": " + e.what());
  }
}

void RegistrationRecorder::add_route(const plugin::RouteSpec& spec, plugin::RouteHandler guarded_handler) noexcept {
  record("route " + spec.path, [&] {
    plugin::PathPattern{spec.path};  // rejects a malformed pattern now rather than at the first request
    registration_.routes.push_back({spec, std::move(guarded_handler)});
  });
}

void RegistrationRecorder::add_subscription(const std::string& topic, plugin::GuardedSubscriber guarded) noexcept {
  record("subscription " + topic, [&] { registration_.subscriptions.emplace_back(topic, std::move(guarded)); });
}

void RegistrationRecorder::set_account_lookup(plugin::AccountLookup guarded_lookup) noexcept {
  record("account lookup", [&] { registration_.account_lookup = std::move(guarded_lookup); });
}

void RegistrationRecorder::own_table(const std::string& name, const nlohmann::ordered_json& definition) noexcept {
  record("table " + name, [&] { registration_.owned_tables[name] = definition; });
}

void RegistrationRecorder::own_collection(const std::string& name, const nlohmann::ordered_json& options) noexcept {
  record("collection " + name, [&] { registration_.owned_collections[name] = options; });
}

void RegistrationRecorder::read_table(const std::string& owner_plugin, const std::string& name) noexcept {
  record("read of table " + name, [&] { registration_.reads.push_back({owner_plugin, name}); });
}

void RegistrationRecorder::require_plugin(const std::string& name) noexcept {
  record("required plugin " + name, [&] { registration_.required_plugins.push_back(name); });
}

void RegistrationRecorder::add_importer(const std::string& dataset, plugin::GuardedImporter guarded) noexcept {
  add_any_importer(dataset, [importer = std::move(guarded)](const std::vector<plugin::ImportRow>& rows) {
    std::vector<std::string> failures;
    failures.reserve(rows.size());
    for (const auto& row : rows) failures.push_back(importer(row));
    return failures;
  });
}

void RegistrationRecorder::add_batch_importer(const std::string& dataset, plugin::GuardedBatchImporter guarded) noexcept {
  add_any_importer(dataset, std::move(guarded));
}

void RegistrationRecorder::add_any_importer(const std::string& dataset, plugin::GuardedBatchImporter guarded) noexcept {
  record("importer of " + dataset, [&] {
    if (!registration_.importers.emplace(dataset, std::move(guarded)).second) {
      throw std::invalid_argument("registered twice");
    }
  });
}

void RegistrationRecorder::add_recount(const std::string& name, plugin::GuardedRecount guarded) noexcept {
  record("recount of " + name, [&] { registration_.recounts[name] = std::move(guarded); });
}

}  // namespace killrvideo::host
