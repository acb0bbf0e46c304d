#include "tools/loader/ImportRun.h"

#include <algorithm>
#include <chrono>
#include <vector>

namespace killrvideo::loader {

namespace {

void commit(const CommitCadence& cadence) {
  if (!cadence.commit) return;
  try {
    cadence.commit();
  } catch (const std::runtime_error& failure) {
    throw CommitFailed(std::string("the store could not commit the rows loaded since its last commit: ") +
                       failure.what());
  }
}

// Up to `size` rows of the source; false once it has none left.
bool read_batch(RowSource& source, std::size_t size, std::vector<SourcedRow>& batch) {
  batch.clear();
  while (batch.size() < size) {
    auto row = source.next();
    if (!row) break;
    batch.push_back(std::move(*row));
  }
  return !batch.empty();
}

// The readable rows go to the importer together; each row's failure is its read error, the importer's
// answer, or "" when it was stored.
std::vector<std::string> import_batch(std::vector<SourcedRow>& batch, const plugin::GuardedBatchImporter& importer) {
  std::vector<plugin::ImportRow> readable;
  for (auto& row : batch) {
    if (row.error.empty()) readable.push_back(std::move(row.values));
  }
  std::vector<std::string> answers = readable.empty() ? std::vector<std::string>{} : importer(readable);
  if (answers.size() != readable.size()) answers.assign(readable.size(), "the importer gave no answer for this row");
  std::vector<std::string> failures;
  auto answer = answers.begin();
  for (const auto& row : batch) failures.push_back(row.error.empty() ? std::move(*answer++) : row.error);
  return failures;
}

}  // namespace

ImportTally import_rows(RowSource& source, const plugin::GuardedBatchImporter& importer, Progress& progress,
                        const CommitCadence& cadence) {
  const auto started = std::chrono::steady_clock::now();
  ImportTally tally;
  std::vector<SourcedRow> batch;
  while (read_batch(source, std::max<std::size_t>(cadence.rows, 1), batch)) {
    const std::vector<std::string> failures = import_batch(batch, importer);
    commit(cadence);
    for (std::size_t i = 0; i < batch.size(); ++i) {
      if (failures[i].empty()) {
        ++tally.loaded;
      } else {
        ++tally.skipped;
        progress.row_skipped(batch[i].location, failures[i]);
      }
    }
    progress.advance(source, tally);
  }
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
  progress.finish(source, tally, elapsed.count());
  return tally;
}

}  // namespace killrvideo::loader
