#include "killrvideo/plugin/testing/EngineBackedHost.h"

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "data/embedded/EmbeddedEngine.h"
#include "killrvideo/plugin/data/SchemaCommands.h"

namespace killrvideo::plugin::testing {

namespace {

constexpr const char* kKeyspace = "killrvideo";

// A fresh directory under the system's temporary directory, removed with everything in it.
class ScratchDirectory {
 public:
  ScratchDirectory() {
    std::string pattern = (std::filesystem::temp_directory_path() / "killrvideo-engine-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("EngineBackedHost: cannot create " + pattern);
    path_ = pattern;
  }
  ~ScratchDirectory() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  ScratchDirectory(const ScratchDirectory&) = delete;
  ScratchDirectory& operator=(const ScratchDirectory&) = delete;
  const std::string& path() const noexcept { return path_; }

 private:
  std::string path_;
};

}  // namespace

// The engine and the directory it lives in, with the seam's interface in front of it.
struct EngineBackedHost::Engine final : DataClient {
  ScratchDirectory dir;
  host::embedded::EmbeddedEngine engine{host::embedded::EngineOptions{dir.path() + "/data"}};

  nlohmann::ordered_json execute(const std::string& target, const nlohmann::ordered_json& command) noexcept override {
    return engine.execute(kKeyspace, target, command);
  }
};

EngineBackedHost::EngineBackedHost(std::string plugin_name, nlohmann::json config)
    : engine_(std::make_unique<Engine>()), fake_(std::move(plugin_name), std::move(config)) {
  fake_.data().answer_unscripted_with(*engine_);
}

// The plugin goes first (FakeHost's destructor), then the engine it was talking to.
EngineBackedHost::~EngineBackedHost() = default;

void EngineBackedHost::create(const data::TableSpec& table) { create_table(table.name(), table.to_json()); }

void EngineBackedHost::create(const data::CollectionSpec& collection) {
  expect_ok(execute("", data::create_collection_command(collection.name(), collection.to_json())),
            "createCollection " + collection.name());
}

nlohmann::ordered_json EngineBackedHost::execute(const std::string& target, const nlohmann::ordered_json& command) {
  return engine_->execute(target, command);
}

std::vector<DataCall> EngineBackedHost::take_calls() {
  auto calls = fake_.data().calls();
  std::vector<DataCall> fresh(calls.begin() + static_cast<std::ptrdiff_t>(calls_seen_), calls.end());
  calls_seen_ = calls.size();
  return fresh;
}

void EngineBackedHost::create_owned_schema() {
  for (const auto& table : fake_.owned_tables()) create_table(table.name, table.definition);
  for (const auto& collection : fake_.owned_collections()) {
    expect_ok(execute("", data::create_collection_command(collection.name, collection.definition)),
              "createCollection " + collection.name);
  }
}

void EngineBackedHost::create_table(const std::string& name, const nlohmann::ordered_json& table_document) {
  expect_ok(execute("", data::create_table_command(name, table_document, true)), "createTable " + name);
  for (const auto& index : data::create_index_commands(table_document, true)) {
    expect_ok(execute(name, index), "index of " + name);
  }
}

void EngineBackedHost::expect_ok(const nlohmann::ordered_json& response, const std::string& what) const {
  if (response.contains("errors")) throw std::runtime_error(what + " failed: " + response.dump());
}

std::size_t rows_returned(const DataCall& call) {
  const auto data = call.response.find("data");
  if (data == call.response.end()) return 0;
  if (data->contains("documents")) return data->at("documents").size();
  return data->contains("document") && !data->at("document").is_null() ? 1 : 0;
}

}  // namespace killrvideo::plugin::testing
