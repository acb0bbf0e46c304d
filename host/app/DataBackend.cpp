#include "app/DataBackend.h"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "app/StartupError.h"
#include "data/UnavailableDataClient.h"
#include "data/WriteCountingDataClient.h"
#include "data/astra/AstraDataClient.h"
#include "data/astra/AstraSettings.h"
#include "data/embedded/EmbeddedEngine.h"

namespace killrvideo::host {

namespace {

// The embedded engine holds keyspaces; the server uses one, named like the Astra default.
constexpr const char* kEmbeddedKeyspace = "killrvideo";

class EmbeddedKeyspaceClient final : public plugin::DataClient {
 public:
  explicit EmbeddedKeyspaceClient(embedded::EmbeddedEngine& engine) : engine_(engine) {}
  nlohmann::ordered_json execute(const std::string& target, const nlohmann::ordered_json& command) noexcept override {
    return engine_.execute(kEmbeddedKeyspace, target, command);
  }

 private:
  embedded::EmbeddedEngine& engine_;
};

std::unique_ptr<plugin::DataClient> astra_client(const AstraConfig& configured) {
  const AstraConfig astra = astra::resolve_astra_config(configured);
  try {
    auto client = std::make_unique<astra::AstraDataClient>(astra);
    spdlog::info("database: Astra Data API at {} keyspace '{}' (timeout {} ms)", astra.endpoint, astra.keyspace,
                 astra.timeout_ms);
    return client;
  } catch (const std::invalid_argument& e) {
    throw StartupError(std::string("database.astra: ") + e.what());
  }
}

}  // namespace

DataBackend::DataBackend(const DatabaseConfig& config, plugin::Embedder* vectorize) {
  std::unique_ptr<plugin::DataClient> client;
  if (config.backend == "embedded") {
    try {
      embedded::EngineOptions options{config.embedded.data_dir};
      options.vectorize = vectorize;
      engine_ = std::make_unique<embedded::EmbeddedEngine>(options);
    } catch (const std::exception& e) {
      throw StartupError(std::string("database.embedded: ") + e.what());
    }
    client = std::make_unique<EmbeddedKeyspaceClient>(*engine_);
    sole_writer_ = true;
    spdlog::info("database: embedded engine in {}", config.embedded.data_dir);
  } else if (config.backend == "astra") {
    client = astra_client(config.astra);
  } else {
    client = std::make_unique<UnavailableDataClient>("no database backend is configured (database.backend: none)");
    spdlog::warn("database.backend is none: every data command answers UNAVAILABLE_DATABASE");
  }
  client_ = std::make_unique<WriteCountingDataClient>(std::move(client));
}

plugin::DataClient& DataBackend::client() noexcept { return *client_; }

const WriteCountingDataClient* DataBackend::own_writes() const noexcept {
  return sole_writer_ ? client_.get() : nullptr;
}

DataBackend::~DataBackend() = default;

void DataBackend::hold_commits() {
  if (engine_) engine_->hold_commits();
}

void DataBackend::commit_held_writes() {
  if (engine_) engine_->commit_held_writes();
}

}  // namespace killrvideo::host
