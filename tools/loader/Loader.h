#pragma once
// One run of killrvideo-load: the server's start-up up to started plugins (PluginRuntime), then each data
// set — from the CSV export or the generated demo data — fed to the importer its plugin registered, or,
// with `recount`, every plugin's repair of the counters it keeps.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

#include "tools/loader/Progress.h"

namespace killrvideo::loader {

struct LoadRequest {
  std::string config_path;
  std::filesystem::path executable_dir;   // anchors the default plugin directory, as for the server
  std::optional<std::filesystem::path> csv_dir;  // the export's folder; unset for the demo data
  bool if_empty = false;                  // load nothing when the store already has a video
  bool recount = false;                   // rebuild every plugin's counters instead of loading
  std::size_t rows_per_commit = 1000;     // rows whose writes one store transaction commits (ImportRun.h)
};

// Throws, with a one-line message, for a config, backend or plugin problem, a missing CSV folder or a failed
// recount. Bad rows and data sets nobody imports are reported through `progress` and never stop the load;
// each correction a recount makes is reported there too.
void run_load(const LoadRequest& request, Progress& progress);

}  // namespace killrvideo::loader
