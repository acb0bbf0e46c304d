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
  // `vectorize` (may be null, outlives the backend): what the embedded engine embeds vectorize text with.
  DataBackend(const DatabaseConfig& config, plugin::Embedder* vectorize);
  ~DataBackend();
  DataBackend(const DataBackend&) = delete;
  DataBackend& operator=(const DataBackend&) = delete;

  plugin::DataClient& client() noexcept { return *client_; }

 private:
  std::unique_ptr<embedded::EmbeddedEngine> engine_;
  std::unique_ptr<plugin::DataClient> client_;
};

}  // namespace killrvideo::host
