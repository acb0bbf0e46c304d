#pragma once
// FakeHost with the host's real embedded engine (the one `database.backend: embedded` serves) behind its
// data client, on a temporary directory removed afterwards: a plugin's handlers, subscribers, importers
// and recounts run in-process against real Data API semantics — no HTTP, no server — and every command
// the plugin sends is still recorded with its answer, so a test can count what one request cost.
// Link killrvideo::plugin_testing_engine.
//
//   EngineBackedHost host("comments_ratings");
//   host.load<CommentsRatingsPlugin>();   // creates the tables the plugin declared
//   host.create(videos_table(384));       // tables of other plugins it reads
//   Response r = host.fake().call(Method::Get, "/api/v1/videos/" + id + "/comments");

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "killrvideo/plugin/data/CollectionSpec.h"
#include "killrvideo/plugin/data/TableSpec.h"
#include "killrvideo/plugin/testing/FakeHost.h"

namespace killrvideo::plugin::testing {

class EngineBackedHost {
 public:
  explicit EngineBackedHost(std::string plugin_name, nlohmann::json config = nlohmann::json::object());
  ~EngineBackedHost();
  EngineBackedHost(const EngineBackedHost&) = delete;
  EngineBackedHost& operator=(const EngineBackedHost&) = delete;

  // Loads the plugin, then creates every table and collection it declared it owns.
  template <class P>
  P& load() {
    P& plugin = fake_.load<P>();
    create_owned_schema();
    return plugin;
  }

  void create(const data::TableSpec& table);
  void create(const data::CollectionSpec& collection);
  // Sends one command straight to the engine (not recorded): seeding and checking rows.
  nlohmann::ordered_json execute(const std::string& target, const nlohmann::ordered_json& command);

  FakeHost& fake() noexcept { return fake_; }
  // Commands recorded since the last call (their answers included), and forgets them.
  std::vector<DataCall> take_calls();

 private:
  void create_owned_schema();
  void create_table(const std::string& name, const nlohmann::ordered_json& table_document);
  void expect_ok(const nlohmann::ordered_json& response, const std::string& what) const;

  struct Engine;
  std::unique_ptr<Engine> engine_;
  FakeHost fake_;
  std::size_t calls_seen_ = 0;
};

// Rows a recorded find/findOne answer carried.
std::size_t rows_returned(const DataCall& call);

}  // namespace killrvideo::plugin::testing
