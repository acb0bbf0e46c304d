#pragma once
// A small data set for a first run (killrvideo-load --demo), made here rather than read from the KillrVideo
// export: 3 users, 12 videos uploaded over the last few days, their playback stats. Rows are in the
// export's CSV column format, so they go through the same importers; keys are fixed, so a re-run upserts.

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "killrvideo/plugin/Registrar.h"

namespace killrvideo::loader {

// Every demo user signs in with this password. Stored as the export stores passwords — the legacy
// unsalted SHA-256 hex digest — which login accepts once and replaces with bcrypt.
inline constexpr const char* kDemoPassword = "demo-password";

struct DemoDataSet {
  std::string dataset;  // as in DataSets.h
  std::vector<plugin::ImportRow> rows;
};

// In load order. Upload dates count back from `now`.
std::vector<DemoDataSet> demo_data(std::chrono::system_clock::time_point now);

}  // namespace killrvideo::loader
