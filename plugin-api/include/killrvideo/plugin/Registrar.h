#pragma once
// How a plugin tells the host what it serves and what it owns. The host calls Plugin::register_with once
// per instance, after the ABI gate: at start-up before the server accepts a connection, or when the plugin
// is enabled while serving. What an instance registered never changes; a disable removes all of it.

#include <functional>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "killrvideo/plugin/Http.h"

namespace killrvideo::plugin {

struct RouteSpec {
  Method method;
  // Segments are literals, `{name}` (any non-empty segment) or `{name:uuid}` (a lowercase canonical
  // UUID only; anything else falls through to 404, api-contract §1.4).
  std::string path;
  Access access;
};

// What the plugin that owns users answers about a token's subject.
struct StoredAccount {
  bool found = false;
  std::vector<std::string> roles;
  std::string error;  // set when the lookup itself failed (the host answers 503)
};

// Callables as plugin code writes them. They may throw; the helpers below catch inside the plugin.
using Subscriber = std::function<void(const std::string& topic, const nlohmann::json& payload)>;
using AccountLookup = std::function<StoredAccount(const std::string& user_id)>;

// One row of a data set in the KillrVideo CSV format (killrvideo-load): column name → text as in the file.
using ImportRow = std::map<std::string, std::string>;
// Writes one row into the plugin's own tables, idempotently (a re-run upserts the same keys). Throws to
// reject a bad row; the loader reports it with file and line and goes on.
using Importer = std::function<void(const ImportRow& row)>;
// Writes several rows at once (killrvideo-load hands over up to --rows-per-commit rows, then commits), so
// a plugin can embed them in one request and gather their writes; idempotent like Importer. Returns one
// failure per row, in order ("" for a stored row); throwing fails every row of the batch.
using BatchImporter = std::function<std::vector<std::string>(const std::vector<ImportRow>& rows)>;

// Receives one correction a recount made, e.g. "comment_counts video:<id>: 3 -> 5".
using CorrectionLog = std::function<void(const std::string& correction)>;
// Rebuilds counters the plugin keeps with $inc from the rows they count, reporting each value it had to
// change (killrvideo-load --recount). Throws to report a failure.
using Recount = std::function<void(const CorrectionLog& correct)>;

// Callables as they cross the boundary: they never throw. A delivery returns its failure, or "".
using GuardedSubscriber = std::function<std::string(const std::string& topic, const nlohmann::json& payload)>;
using GuardedImporter = std::function<std::string(const ImportRow& row)>;
using GuardedBatchImporter = std::function<std::vector<std::string>(const std::vector<ImportRow>& rows)>;
using GuardedRecount = std::function<std::string(const CorrectionLog& correct)>;

RouteHandler guard_route(RouteHandler handler);
GuardedSubscriber guard_subscriber(Subscriber subscriber);
AccountLookup guard_account_lookup(AccountLookup lookup);
GuardedImporter guard_importer(Importer importer);
GuardedBatchImporter guard_batch_importer(BatchImporter importer);
GuardedRecount guard_recount(Recount recount);

class Registrar {
 public:
  virtual ~Registrar() = default;

  // Boundary calls. Prefer the helpers below, which guard the callables.
  virtual void add_route(const RouteSpec& spec, RouteHandler guarded_handler) noexcept = 0;
  virtual void add_subscription(const std::string& topic, GuardedSubscriber guarded) noexcept = 0;
  virtual void set_account_lookup(AccountLookup guarded_lookup) noexcept = 0;
  // A table this plugin creates at start-up and alone writes. `spec` is data::TableSpec::to_json():
  // {"definition": <createTable definition>, "indexes": [...], "vectorIndexes": [...]}.
  virtual void own_table(const std::string& name, const nlohmann::ordered_json& spec) noexcept = 0;
  // A collection this plugin owns; `options` is the Data API createCollection options object.
  virtual void own_collection(const std::string& name, const nlohmann::ordered_json& options) noexcept = 0;
  // A table another plugin owns that this plugin reads. Start-up fails if that owner is not enabled.
  virtual void read_table(const std::string& owner_plugin, const std::string& name) noexcept = 0;
  // A plugin that must be enabled and started before this one.
  virtual void require_plugin(const std::string& name) noexcept = 0;
  // Added in ABI 1.2 (appended). The plugin that owns the tables of `dataset` ("users", "videos", …) takes
  // its rows from killrvideo-load; one plugin per data set.
  virtual void add_importer(const std::string& dataset, GuardedImporter guarded) noexcept = 0;
  // Added in ABI 1.3 (appended). A repair of counters this plugin keeps, run by killrvideo-load --recount;
  // `name` says which counters ("comment_counts").
  virtual void add_recount(const std::string& name, GuardedRecount guarded) noexcept = 0;
  // Added in ABI 1.5 (appended). Like add_importer, for a plugin that imports rows faster in batches; a
  // data set has one importer, of either kind.
  virtual void add_batch_importer(const std::string& dataset, GuardedBatchImporter guarded) noexcept = 0;

  void route(Method method, std::string path, Access access, RouteHandler handler) {
    add_route(RouteSpec{method, std::move(path), access}, guard_route(std::move(handler)));
  }
  void subscribe(const std::string& topic, Subscriber subscriber) {
    add_subscription(topic, guard_subscriber(std::move(subscriber)));
  }
  void import(const std::string& dataset, Importer importer) {
    add_importer(dataset, guard_importer(std::move(importer)));
  }
  void import_batches(const std::string& dataset, BatchImporter importer) {
    add_batch_importer(dataset, guard_batch_importer(std::move(importer)));
  }
  void recount(const std::string& name, Recount recount) { add_recount(name, guard_recount(std::move(recount))); }
  // Lets the host resolve a token's subject to stored roles (and 404 for a deleted user).
  void provide_account_lookup(AccountLookup lookup) { set_account_lookup(guard_account_lookup(std::move(lookup))); }
};

}  // namespace killrvideo::plugin
