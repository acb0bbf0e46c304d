#pragma once
// Rows already in memory (the generated demo data), numbered from 1 in reports.

#include <vector>

#include "tools/loader/RowSource.h"

namespace killrvideo::loader {

class RowListSource final : public RowSource {
 public:
  RowListSource(std::string name, std::vector<plugin::ImportRow> rows)
      : name_(std::move(name)), rows_(std::move(rows)) {}

  const std::string& name() const noexcept override { return name_; }
  std::optional<SourcedRow> next() override {
    if (next_ == rows_.size()) return std::nullopt;
    ++next_;
    return SourcedRow{name_ + ":" + std::to_string(next_), std::move(rows_[next_ - 1]), ""};
  }
  std::uint64_t done() const noexcept override { return next_; }
  std::uint64_t total() const noexcept override { return rows_.size(); }

 private:
  std::string name_;
  std::vector<plugin::ImportRow> rows_;
  std::size_t next_ = 0;
};

}  // namespace killrvideo::loader
