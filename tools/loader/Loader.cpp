#include "tools/loader/Loader.h"

#include <chrono>
#include <map>

#include "app/JwtSecret.h"
#include "app/PluginRuntime.h"
#include "app/StartupError.h"
#include "config/ConfigLoader.h"
#include "tools/loader/CsvFileSource.h"
#include "tools/loader/DataSets.h"
#include "tools/loader/DemoData.h"
#include "tools/loader/ExportLinks.h"
#include "tools/loader/ImportRun.h"
#include "tools/loader/RelinkedVideos.h"
#include "tools/loader/RowListSource.h"
#include "tools/loader/StoreProbe.h"

namespace killrvideo::loader {

namespace {

using Importers = std::map<std::string, plugin::GuardedBatchImporter>;

// PluginGraph has already refused two importers of one data set.
Importers importers_by_dataset(const std::vector<host::Registration>& registrations) {
  Importers importers;
  for (const auto& registration : registrations) {
    importers.insert(registration.importers.begin(), registration.importers.end());
  }
  return importers;
}

std::string nobody_imports(const std::string& source, const std::string& dataset) {
  return source + ": skipped, no enabled plugin imports data set '" + dataset + "'";
}

void load_csv_dir(const std::filesystem::path& dir, const Importers& importers, const CommitCadence& cadence,
                  Progress& progress) {
  ExportLinks links;
  try {
    links = ExportLinks::read(dir);
  } catch (const std::runtime_error& unreadable) {
    progress.note(std::string(unreadable.what()) + ": the export's files are loaded with their own keys");
  }
  for (const auto& line : links.notes()) progress.note(line);
  for (const auto& [file, dataset] : kDataSetFiles) {
    const auto importer = importers.find(dataset);
    if (importer == importers.end()) {
      progress.note(nobody_imports(file, dataset));
    } else if (!std::filesystem::exists(dir / file)) {
      progress.note(std::string(file) + ": skipped, not in " + dir.string());
    } else {
      try {
        CsvFileSource source(dir / file);
        if (std::string(dataset) == kVideosDataSet) {
          RelinkedVideos relinked(source, links);
          import_rows(relinked, importer->second, progress, cadence);
        } else {
          import_rows(source, importer->second, progress, cadence);
        }
      } catch (const CommitFailed&) {
        throw;
      } catch (const std::runtime_error& unreadable) {
        progress.note(std::string(unreadable.what()) + ": skipped");
      }
    }
  }
}

void load_demo(const Importers& importers, const CommitCadence& cadence, Progress& progress) {
  for (auto& [dataset, rows] : demo_data(std::chrono::system_clock::now())) {
    const std::string name = "demo " + dataset;
    const auto importer = importers.find(dataset);
    if (importer == importers.end()) {
      progress.note(nobody_imports(name, dataset));
      continue;
    }
    RowListSource source(name, std::move(rows));
    import_rows(source, importer->second, progress, cadence);
  }
}

// Runs every recount; throws after all of them when any failed.
void run_recounts(const std::vector<host::Registration>& registrations, Progress& progress) {
  std::vector<std::string> failures;
  for (const auto& registration : registrations) {
    for (const auto& [name, recount] : registration.recounts) {
      const std::string counters = registration.plugin + " " + name;
      int corrections = 0;
      const std::string failure = recount([&](const std::string& correction) {
        ++corrections;
        progress.note(counters + ": " + correction);
      });
      if (!failure.empty()) failures.push_back(counters + ": " + failure);
      progress.note(counters + ": " + (failure.empty() ? std::to_string(corrections) + " corrected" : "failed: " + failure));
    }
  }
  if (!failures.empty()) throw std::runtime_error("recount failed: " + failures.front());
}

void check_loadable(const host::Config& config, const LoadRequest& request) {
  if (config.database.backend == "none") {
    throw host::StartupError(config.source_path + ": database.backend is none: there is no store to load into");
  }
  if (request.csv_dir && !std::filesystem::is_directory(*request.csv_dir)) {
    throw host::StartupError(request.csv_dir->string() + ": no such directory");
  }
}

}  // namespace

void run_load(const LoadRequest& request, Progress& progress) {
  const host::Config config = host::load_config(request.config_path);
  check_loadable(config, request);
  // The loader hands out no tokens, so it needs no configured secret.
  host::PluginRuntime runtime(config, request.executable_dir, host::random_jwt_secret());
  runtime.start_plugins();  // importers may rely on what start() prepares
  if (request.recount) {
    run_recounts(runtime.plugins().registrations(), progress);
    return;
  }
  if (request.if_empty && store_has_videos(runtime.data())) {
    progress.note("the store already has videos: nothing loaded (--if-empty)");
    return;
  }
  const Importers importers = importers_by_dataset(runtime.plugins().registrations());
  runtime.backend().hold_commits();
  const CommitCadence cadence{request.rows_per_commit, [&runtime] { runtime.backend().commit_held_writes(); }};
  if (request.csv_dir) {
    load_csv_dir(*request.csv_dir, importers, cadence, progress);
  } else {
    load_demo(importers, cadence, progress);
  }
}

}  // namespace killrvideo::loader
