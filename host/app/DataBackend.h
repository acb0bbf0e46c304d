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

class DataBackend {
 public:
  // Throws StartupError when the backend cannot be opened or its settings are unusable.
  explicit DataBackend(const DatabaseConfig& config);
  ~DataBackend();
  DataBackend(const DataBackend&) = delete;
  DataBackend& operator=(const DataBackend&) = delete;

  plugin::DataClient& client() noexcept { return *client_; }

  // A bulk load's batching (EmbeddedEngine::hold_commits): on the embedded engine writes gather in one
  // transaction until commit_held_writes(); other backends commit each write as it comes, so both do
  // nothing there. Throw std::runtime_error when the engine cannot commit.
  void hold_commits();
  void commit_held_writes();

 private:
  std::unique_ptr<embedded::EmbeddedEngine> engine_;
  std::unique_ptr<plugin::DataClient> client_;
};

}  // namespace killrvideo::host
