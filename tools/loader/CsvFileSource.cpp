#include "tools/loader/CsvFileSource.h"

#include <stdexcept>

namespace killrvideo::loader {

CsvFileSource::CsvFileSource(const std::filesystem::path& file)
    : name_(file.filename().string()), input_(file, std::ios::binary) {
  if (!input_) throw std::runtime_error(name_ + ": cannot be opened");
  size_ = std::filesystem::file_size(file);
  try {
    table_ = std::make_unique<CsvTable>(input_);
  } catch (const std::runtime_error& e) {
    throw std::runtime_error(name_ + ": " + e.what());
  }
}

std::optional<SourcedRow> CsvFileSource::next() {
  auto row = table_->next();
  if (!row) return std::nullopt;
  return SourcedRow{name_ + ":" + std::to_string(row->line), std::move(row->values), std::move(row->error)};
}

}  // namespace killrvideo::loader
