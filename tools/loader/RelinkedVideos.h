#pragma once
// The rows of videos_cleaned.csv with the video ids and uploaders the export's other files use
// (ExportLinks); bad rows pass through unchanged, to be reported as they are.

#include "tools/loader/ExportLinks.h"
#include "tools/loader/RowSource.h"

namespace killrvideo::loader {

class RelinkedVideos final : public RowSource {
 public:
  RelinkedVideos(RowSource& rows, const ExportLinks& links) : rows_(rows), links_(links) {}

  const std::string& name() const noexcept override { return rows_.name(); }
  std::optional<SourcedRow> next() override {
    auto row = rows_.next();
    if (row && row->error.empty()) links_.relink_video(row->values);
    return row;
  }
  std::uint64_t done() const noexcept override { return rows_.done(); }
  std::uint64_t total() const noexcept override { return rows_.total(); }

 private:
  RowSource& rows_;
  const ExportLinks& links_;
};

}  // namespace killrvideo::loader
