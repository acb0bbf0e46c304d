#include "tools/loader/ImportRun.h"

#include <chrono>

namespace killrvideo::loader {

ImportTally import_rows(RowSource& source, const plugin::GuardedImporter& importer, Progress& progress) {
  const auto started = std::chrono::steady_clock::now();
  ImportTally tally;
  while (auto row = source.next()) {
    const std::string failure = row->error.empty() ? importer(row->values) : row->error;
    if (failure.empty()) {
      ++tally.loaded;
    } else {
      ++tally.skipped;
      progress.row_skipped(row->location, failure);
    }
    progress.advance(source, tally);
  }
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
  progress.finish(source, tally, elapsed.count());
  return tally;
}

}  // namespace killrvideo::loader
