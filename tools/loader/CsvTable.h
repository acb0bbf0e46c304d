#pragma once
// A CSV file whose first record names the columns: each following record as column → text, or the reason
// it cannot be one.

#include <istream>
#include <optional>
#include <string>
#include <vector>

#include "killrvideo/plugin/Registrar.h"
#include "tools/loader/CsvReader.h"

namespace killrvideo::loader {

struct CsvRow {
  std::size_t line = 0;  // where the record starts
  plugin::ImportRow values;
  std::string error;  // set for a malformed record or a wrong number of fields; `values` is then empty
};

class CsvTable {
 public:
  // Reads the header. Throws std::runtime_error when the input has none.
  explicit CsvTable(std::istream& input);

  std::optional<CsvRow> next();
  const std::vector<std::string>& columns() const noexcept { return columns_; }
  std::uint64_t bytes_read() const noexcept { return reader_.bytes_read(); }

 private:
  CsvReader reader_;
  std::vector<std::string> columns_;
};

}  // namespace killrvideo::loader
