#include "killrvideo/plugin/testing/FakeHost.h"

#include <iostream>
#include <stdexcept>

#include "killrvideo/plugin/PathPattern.h"
#include "killrvideo/plugin/Responses.h"

namespace killrvideo::plugin::testing {

FakeHost::FakeHost(std::string plugin_name, nlohmann::json config)
    : plugin_name_(std::move(plugin_name)), config_(std::move(config)) {}

FakeHost::~FakeHost() {
  if (!started_) return;
  try {
    plugin_->stop();
  } catch (const std::exception& e) {
    // A destructor cannot fail the test; the host would log it, so say it where the test runner shows it.
    std::cerr << "FakeHost: " << plugin_name_ << " stop() threw: " << e.what() << '\n';
  } catch (...) {
    std::cerr << "FakeHost: " << plugin_name_ << " stop() threw a non-standard exception\n";
  }
}

void FakeHost::adopt(std::unique_ptr<Plugin> plugin) {
  if (plugin_) throw std::logic_error("FakeHost: a plugin is already loaded; use one FakeHost per plugin");
  plugin_ = std::move(plugin);
  plugin_->register_with(*this);
  throw_if_registration_refused();
  plugin_->start();
  started_ = true;
}

void FakeHost::throw_if_registration_refused() const {
  if (refused_registrations_.empty()) return;
  std::string message = "FakeHost: " + plugin_name_ + " registration refused:";
  for (const auto& reason : refused_registrations_) message += "\n  " + reason;
  throw std::logic_error(message);
}

Response FakeHost::call(Method method, std::string_view target, const nlohmann::json& body,
                        std::optional<Principal> principal, Headers headers) {
  const RouteTable::Lookup found = routes_.find(method, split_path(raw_path_of(target)));
  if (found.route == nullptr) {
    return found.path_matched_other_method ? detail_response(405, "Method Not Allowed")
                                           : detail_response(404, "Not Found");
  }
  if (found.route->spec.access == Access::Public) principal.reset();
  FakeRequest request(method, target, body, std::move(principal), std::move(headers));
  request.set_path_params(found.params);
  return found.route->handler(request);
}

void FakeHost::publish(const std::string& topic, const nlohmann::json& payload) { events_.deliver(topic, payload); }

void FakeHost::add_route(const RouteSpec& spec, RouteHandler guarded_handler) noexcept {
  try {
    routes_.add(spec, std::move(guarded_handler));
  } catch (const std::exception& e) {
    refused_registrations_.push_back(e.what());
  }
}

void FakeHost::add_subscription(const std::string& topic, GuardedSubscriber guarded) noexcept {
  events_.add_subscription(topic, std::move(guarded));
}

void FakeHost::set_account_lookup(AccountLookup guarded_lookup) noexcept {
  if (account_lookup_) refused_registrations_.push_back("an account lookup was provided twice");
  account_lookup_ = std::move(guarded_lookup);
}

void FakeHost::own_schema(std::vector<OwnedSchema>& owned, const std::string& name,
                          const nlohmann::ordered_json& definition) {
  for (const auto& existing : owned) {
    if (existing.name == name) refused_registrations_.push_back("'" + name + "' declared twice");
  }
  owned.push_back({name, definition});
}

void FakeHost::own_table(const std::string& name, const nlohmann::ordered_json& definition) noexcept {
  own_schema(owned_tables_, name, definition);
}

void FakeHost::own_collection(const std::string& name, const nlohmann::ordered_json& options) noexcept {
  own_schema(owned_collections_, name, options);
}

void FakeHost::read_table(const std::string& owner_plugin, const std::string& name) noexcept {
  reads_.push_back({owner_plugin, name});
}

void FakeHost::require_plugin(const std::string& name) noexcept { required_plugins_.push_back(name); }

void FakeHost::add_importer(const std::string& dataset, GuardedImporter guarded) noexcept {
  add_batch_importer(dataset, [importer = std::move(guarded)](const std::vector<ImportRow>& rows) {
    std::vector<std::string> failures;
    for (const auto& row : rows) failures.push_back(importer(row));
    return failures;
  });
}

void FakeHost::add_batch_importer(const std::string& dataset, GuardedBatchImporter guarded) noexcept {
  if (importers_.count(dataset) != 0) {
    refused_registrations_.push_back("importer of " + dataset + " registered twice");
    return;
  }
  importers_[dataset] = std::move(guarded);
}

std::string FakeHost::import_row(const std::string& dataset, const ImportRow& row) {
  return import_rows(dataset, {row}).at(0);
}

std::vector<std::string> FakeHost::import_rows(const std::string& dataset, const std::vector<ImportRow>& rows) {
  const auto found = importers_.find(dataset);
  if (found == importers_.end()) throw std::logic_error("no importer registered for data set " + dataset);
  return found->second(rows);
}

std::vector<std::string> FakeHost::imported_datasets() const {
  std::vector<std::string> datasets;
  for (const auto& [dataset, importer] : importers_) datasets.push_back(dataset);
  return datasets;
}

void FakeHost::add_recount(const std::string& name, GuardedRecount guarded) noexcept {
  if (recounts_.count(name) != 0) {
    refused_registrations_.push_back("recount of " + name + " registered twice");
    return;
  }
  recounts_[name] = std::move(guarded);
}

std::vector<std::string> FakeHost::run_recount(const std::string& name) {
  const auto found = recounts_.find(name);
  if (found == recounts_.end()) throw std::logic_error("no recount registered as " + name);
  std::vector<std::string> corrections;
  const std::string failure = found->second([&](const std::string& correction) { corrections.push_back(correction); });
  if (!failure.empty()) throw std::runtime_error("recount " + name + " failed: " + failure);
  return corrections;
}

}  // namespace killrvideo::plugin::testing
