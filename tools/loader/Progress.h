#pragma once
// How the loader shows its work: a redrawn progress bar when stdout is a terminal, one plain line per
// source otherwise (logs, CI, tests). Skipped rows always go to the error stream as "<location>: <reason>".

#include <memory>
#include <ostream>
#include <string>

#include "tools/loader/ImportTally.h"
#include "tools/loader/RowSource.h"

namespace killrvideo::loader {

class Progress {
 public:
  virtual ~Progress() = default;
  // After each row of `source`; cheap when nothing needs redrawing.
  virtual void advance(const RowSource& source, const ImportTally& tally) = 0;
  virtual void row_skipped(const std::string& location, const std::string& reason) = 0;
  // "<source>: <n> rows loaded, <m> skipped, <s> s"
  virtual void finish(const RowSource& source, const ImportTally& tally, double seconds) = 0;
  // A line about the load as a whole (a source skipped, the store already filled).
  virtual void note(const std::string& line) = 0;
};

std::unique_ptr<Progress> make_progress(bool terminal, std::ostream& out, std::ostream& errors);

}  // namespace killrvideo::loader
