#pragma once
// What a loader integration test works in: a temporary folder holding the config (embedded store in
// <folder>/data, the built plugins), CSV folders the test writes, and runs of the real killrvideo-load.

#include <string>
#include <vector>

#include "tests/support/ListeningProcess.h"
#include "tests/support/ServerProcess.h"

namespace killrvideo::testing {

inline constexpr const char* kLoaderTestJwtSecret = "loader-test-secret";

class LoaderStore {
 public:
  // `plugins` is the YAML list under `plugins:`.
  explicit LoaderStore(const std::string& plugins);

  const std::string& config_yaml() const noexcept { return config_yaml_; }
  const std::string& config_path() const noexcept { return config_path_; }
  std::string data_dir() const { return dir_.path() + "/data"; }
  // Writes `files` (name → content) into a new folder of the temporary directory; returns its path.
  std::string write_folder(const std::string& name,
                           const std::vector<std::pair<std::string, std::string>>& files) const;
  // Runs killrvideo-load with the config and `args`, waiting for it to exit.
  ExitResult load(const std::vector<std::string>& args) const;

 private:
  TempDir dir_;
  std::string config_yaml_;
  std::string config_path_;
};

// Whether <plugin dir>/<name>.so has been built.
bool plugin_built(const std::string& name);
// The KillrVideo export beside the project (../shared/killrvideo-data); may not exist.
std::string shared_data_dir();

}  // namespace killrvideo::testing
