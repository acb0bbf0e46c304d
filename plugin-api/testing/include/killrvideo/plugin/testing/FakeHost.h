#pragma once
// An in-process host for plugin unit tests: no .so, no HTTP. It is both the plugin's HostServices and
// its Registrar, runs its routes with the host's own path matching and handler guard, and records every
// registration so tests can assert them.
//
//   FakeHost host("example", R"({"greeting":"Hi"})"_json);
//   auto& plugin = host.load<ExamplePlugin>();
//   Response response = host.call(Method::Get, "/api/v1/example/greetings/Ada");
//
// Access gates are the host's job and are not checked here: a test passes the principal it wants the
// handler to see. As in the host, routes declared Access::Public never see a principal.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <nlohmann/json.hpp>

#include "killrvideo/plugin/HostServices.h"
#include "killrvideo/plugin/Plugin.h"
#include "killrvideo/plugin/Registrar.h"
#include "killrvideo/plugin/testing/FakeAuthService.h"
#include "killrvideo/plugin/testing/FakeClock.h"
#include "killrvideo/plugin/testing/FakeDataClient.h"
#include "killrvideo/plugin/testing/FakeEmbedder.h"
#include "killrvideo/plugin/testing/FakeEventBus.h"
#include "killrvideo/plugin/testing/FakeIdGenerator.h"
#include "killrvideo/plugin/testing/FakeLogger.h"
#include "killrvideo/plugin/testing/FakeRequest.h"
#include "killrvideo/plugin/testing/RouteTable.h"

namespace killrvideo::plugin::testing {

// A table or collection the plugin declared it owns, with its createTable definition or
// createCollection options.
struct OwnedSchema {
  std::string name;
  nlohmann::ordered_json definition;
};

struct TableRead {
  std::string owner_plugin;
  std::string table;
};

class FakeHost final : public HostServices, public Registrar {
 public:
  explicit FakeHost(std::string plugin_name, nlohmann::json config = nlohmann::json::object());
  // Stops the plugin if it started, then destroys it before the services it may still reference.
  ~FakeHost() override;
  FakeHost(const FakeHost&) = delete;
  FakeHost& operator=(const FakeHost&) = delete;

  // Constructs P with this host, calls register_with and start, and keeps it until the host dies.
  // Throws what the plugin throws, std::logic_error when a registration was refused (malformed path,
  // conflicting route, table declared twice), or when a plugin is already loaded.
  template <class P>
  P& load() {
    static_assert(std::is_base_of_v<Plugin, P>, "load<P>() needs a class derived from plugin::Plugin");
    auto plugin = std::make_unique<P>(static_cast<HostServices&>(*this));
    P& loaded = *plugin;
    adopt(std::move(plugin));
    return loaded;
  }

  // Runs the route matching `target` (a raw path, optionally with a query string) through its guarded
  // handler. No path matches → 404 {"detail":"Not Found"}; the path matches only other methods → 405.
  Response call(Method method, std::string_view target, const nlohmann::json& body = nullptr,
                std::optional<Principal> principal = std::nullopt, Headers headers = {});

  // Delivers an event to the plugin's subscriptions as if another plugin had published it.
  void publish(const std::string& topic, const nlohmann::json& payload);
  // Feeds one row to the plugin's importer of `dataset`, as killrvideo-load does; its failure, or "".
  // Throws std::logic_error when the plugin registered no importer for it.
  std::string import_row(const std::string& dataset, const ImportRow& row);
  // Feeds rows as one batch, as killrvideo-load does between two commits: one failure per row, or "".
  std::vector<std::string> import_rows(const std::string& dataset, const std::vector<ImportRow>& rows);
  std::vector<std::string> imported_datasets() const;
  // Runs the plugin's recount `name`, as killrvideo-load --recount does: the corrections it reported, or
  // throws std::runtime_error with its failure (std::logic_error when there is no such recount).
  std::vector<std::string> run_recount(const std::string& name);

  // What the plugin registered, in registration order.
  std::vector<RouteSpec> routes() const { return routes_.specs(); }
  const std::vector<OwnedSchema>& owned_tables() const noexcept { return owned_tables_; }
  const std::vector<OwnedSchema>& owned_collections() const noexcept { return owned_collections_; }
  const std::vector<TableRead>& reads() const noexcept { return reads_; }
  const std::vector<std::string>& required_plugins() const noexcept { return required_plugins_; }
  std::vector<std::string> subscriptions() const { return events_.subscribed_topics(); }
  // Empty unless the plugin provided one.
  const AccountLookup& account_lookup() const noexcept { return account_lookup_; }

  // HostServices. The fakes come back with their own types so tests can script and inspect them.
  const std::string& plugin_name() const noexcept override { return plugin_name_; }
  const nlohmann::json& config() const noexcept override { return config_; }
  FakeDataClient& data() noexcept override { return data_; }
  FakeEventBus& events() noexcept override { return events_; }
  FakeAuthService& auth() noexcept override { return auth_; }
  FakeEmbedder& embedder() noexcept override { return embedder_; }
  FakeClock& clock() noexcept override { return clock_; }
  FakeIdGenerator& ids() noexcept override { return ids_; }
  FakeLogger& log() noexcept override { return log_; }

  // Registrar.
  void add_route(const RouteSpec& spec, RouteHandler guarded_handler) noexcept override;
  void add_subscription(const std::string& topic, GuardedSubscriber guarded) noexcept override;
  void set_account_lookup(AccountLookup guarded_lookup) noexcept override;
  void own_table(const std::string& name, const nlohmann::ordered_json& definition) noexcept override;
  void own_collection(const std::string& name, const nlohmann::ordered_json& options) noexcept override;
  void read_table(const std::string& owner_plugin, const std::string& name) noexcept override;
  void require_plugin(const std::string& name) noexcept override;
  void add_importer(const std::string& dataset, GuardedImporter guarded) noexcept override;
  void add_recount(const std::string& name, GuardedRecount guarded) noexcept override;
  void add_batch_importer(const std::string& dataset, GuardedBatchImporter guarded) noexcept override;

 private:
  void adopt(std::unique_ptr<Plugin> plugin);
  void own_schema(std::vector<OwnedSchema>& owned, const std::string& name, const nlohmann::ordered_json& definition);
  void throw_if_registration_refused() const;

  std::string plugin_name_;
  nlohmann::json config_;
  FakeDataClient data_;
  FakeEventBus events_;
  FakeAuthService auth_;
  FakeEmbedder embedder_;
  FakeClock clock_;
  FakeIdGenerator ids_;
  FakeLogger log_;

  RouteTable routes_;
  std::vector<OwnedSchema> owned_tables_;
  std::vector<OwnedSchema> owned_collections_;
  std::vector<TableRead> reads_;
  std::vector<std::string> required_plugins_;
  AccountLookup account_lookup_;
  std::map<std::string, GuardedBatchImporter> importers_;
  std::map<std::string, GuardedRecount> recounts_;
  std::vector<std::string> refused_registrations_;

  // Declared last so that it is destroyed first: the plugin holds references to everything above.
  std::unique_ptr<Plugin> plugin_;
  bool started_ = false;
};

}  // namespace killrvideo::plugin::testing
