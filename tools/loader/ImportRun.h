#pragma once
// Feeds every row of one source to the importer of its data set. A row that cannot be read or that the
// importer refuses is reported and skipped; nothing about one row stops the others.

#include "killrvideo/plugin/Registrar.h"
#include "tools/loader/ImportTally.h"
#include "tools/loader/Progress.h"
#include "tools/loader/RowSource.h"

namespace killrvideo::loader {

ImportTally import_rows(RowSource& source, const plugin::GuardedImporter& importer, Progress& progress);

}  // namespace killrvideo::loader
