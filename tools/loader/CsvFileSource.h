#pragma once
// The rows of one CSV file of the KillrVideo export.

#include <filesystem>
#include <fstream>
#include <memory>

#include "tools/loader/CsvTable.h"
#include "tools/loader/RowSource.h"

namespace killrvideo::loader {

class CsvFileSource final : public RowSource {
 public:
  // Throws std::runtime_error ("<file>: <reason>") when the file cannot be opened or has no header.
  explicit CsvFileSource(const std::filesystem::path& file);

  const std::string& name() const noexcept override { return name_; }
  std::optional<SourcedRow> next() override;
  std::uint64_t done() const noexcept override { return table_->bytes_read(); }
  std::uint64_t total() const noexcept override { return size_; }

 private:
  std::string name_;  // the file name, as rows are reported
  std::uint64_t size_ = 0;
  std::ifstream input_;
  std::unique_ptr<CsvTable> table_;
};

}  // namespace killrvideo::loader
