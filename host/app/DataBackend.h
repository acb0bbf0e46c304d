#pragma once
// The backend behind the data seam, chosen by `database.backend` (design §4): the embedded engine on a
// local directory, Astra DB over HTTPS, or none (every command answers UNAVAILABLE_DATABASE).

#include <memory>

#include "config/Config.h"
#include "killrvideo/plugin/HostServices.h"

namespace killrvideo::host {

namespace embedded {
class EmbeddedEngine;
}
class WriteCountingDataClient;

class DataBackend {
 public:
  // Throws StartupError when the backend cannot be opened or its settings are unusable.
  // `vectorize` (may be null, outlives the backend): what the embedded engine embeds vectorize text with.
  DataBackend(const DatabaseConfig& config, plugin::Embedder* vectorize);
  ~DataBackend();
  DataBackend(const DataBackend&) = delete;
  DataBackend& operator=(const DataBackend&) = delete;

  plugin::DataClient& client() noexcept;
  // The count of writes through this server when it is the store's only writer (the embedded engine on
  // its own directory), so that an answer read before a write is never served after it; nullptr when
  // others write too (Astra: other servers), and then no answer is cached.
  const WriteCountingDataClient* own_writes() const noexcept;

  // A bulk load's batching (EmbeddedEngine::hold_commits): on the embedded engine writes gather in one
  // transaction until commit_held_writes(); other backends commit each write as it comes, so both do
  // nothing there. Throw std::runtime_error when the engine cannot commit.
  void hold_commits();
  void commit_held_writes();

 private:
  std::unique_ptr<embedded::EmbeddedEngine> engine_;
  std::unique_ptr<WriteCountingDataClient> client_;
  bool sole_writer_ = false;
};

}  // namespace killrvideo::host
