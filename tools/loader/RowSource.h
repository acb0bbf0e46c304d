#pragma once
// Where the rows of one data set come from — a CSV file or the generated demo data — as the import loop
// sees it: rows with the place to name when one is bad, and how far along the source is.

#include <cstdint>
#include <optional>
#include <string>

#include "killrvideo/plugin/Registrar.h"

namespace killrvideo::loader {

struct SourcedRow {
  std::string location;  // "<file>:<line>" for a CSV record
  plugin::ImportRow values;
  std::string error;  // the row could not be read; `values` is empty
};

class RowSource {
 public:
  virtual ~RowSource() = default;
  virtual const std::string& name() const noexcept = 0;
  virtual std::optional<SourcedRow> next() = 0;
  // Progress in the source's own units (bytes of a file, rows of a list).
  virtual std::uint64_t done() const noexcept = 0;
  virtual std::uint64_t total() const noexcept = 0;
};

}  // namespace killrvideo::loader
