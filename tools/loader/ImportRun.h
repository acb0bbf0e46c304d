#pragma once
// Feeds the rows of one source to the importer of its data set, in batches. A row that cannot be read or
// that the importer refuses is reported and skipped; nothing about one row stops the others.

#include <cstddef>
#include <functional>
#include <stdexcept>

#include "killrvideo/plugin/Registrar.h"
#include "tools/loader/ImportTally.h"
#include "tools/loader/Progress.h"
#include "tools/loader/RowSource.h"

namespace killrvideo::loader {

// Why a load stops: the store could not commit (the rows since the last commit are not stored).
struct CommitFailed : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The importer receives up to `rows` rows at a time; after each batch `commit` (when set) makes the store
// commit what the importer wrote. A commit thus always falls between two rows: a crash loses whole rows,
// which a re-run writes again.
struct CommitCadence {
  std::size_t rows = 1;
  std::function<void()> commit;
};

ImportTally import_rows(RowSource& source, const plugin::GuardedBatchImporter& importer, Progress& progress,
                        const CommitCadence& cadence = {});

}  // namespace killrvideo::loader
