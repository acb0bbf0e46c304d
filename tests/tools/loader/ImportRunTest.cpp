// Every row reaches the importer; unreadable and refused rows are reported with their location and skipped.

#include <sstream>

#include <gtest/gtest.h>

#include "tools/loader/ImportRun.h"
#include "tools/loader/RowListSource.h"

namespace killrvideo::loader {
namespace {

class UnreadableSecondRow final : public RowSource {
 public:
  const std::string& name() const noexcept override { return name_; }
  std::optional<SourcedRow> next() override {
    switch (++served_) {
      case 1: return SourcedRow{"users.csv:2", {{"userid", "a"}}, ""};
      case 2: return SourcedRow{"users.csv:3", {}, "expected 7 fields, found 6"};
      case 3: return SourcedRow{"users.csv:5", {{"userid", "refuse-me"}}, ""};
      case 4: return SourcedRow{"users.csv:6", {{"userid", "b"}}, ""};
      default: return std::nullopt;
    }
  }
  std::uint64_t done() const noexcept override { return served_; }
  std::uint64_t total() const noexcept override { return 4; }

 private:
  std::string name_ = "users.csv";
  std::uint64_t served_ = 0;
};

TEST(ImportRunTest, ReportsBadRowsWithTheirLocationAndLoadsTheRest) {
  std::vector<std::string> imported;
  const plugin::GuardedImporter importer = [&](const plugin::ImportRow& row) -> std::string {
    if (row.at("userid") == "refuse-me") return "userid is not a UUID";
    imported.push_back(row.at("userid"));
    return "";
  };
  std::ostringstream out, errors;
  const auto progress = make_progress(false, out, errors);
  UnreadableSecondRow source;

  const ImportTally tally = import_rows(source, importer, *progress);

  EXPECT_EQ(tally.loaded, 2u);
  EXPECT_EQ(tally.skipped, 2u);
  EXPECT_EQ(imported, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(errors.str(), "users.csv:3: expected 7 fields, found 6\nusers.csv:5: userid is not a UUID\n");
  EXPECT_EQ(out.str().rfind("users.csv: 2 rows loaded, 2 skipped, ", 0), 0u) << out.str();
}

TEST(ImportRunTest, ListRowsAreNumberedFromOneInReports) {
  const plugin::GuardedImporter refuse_all = [](const plugin::ImportRow&) { return std::string("no"); };
  std::ostringstream out, errors;
  const auto progress = make_progress(false, out, errors);
  RowListSource source("demo users", {{{"userid", "x"}}, {{"userid", "y"}}});

  const ImportTally tally = import_rows(source, refuse_all, *progress);

  EXPECT_EQ(tally.loaded, 0u);
  EXPECT_EQ(tally.skipped, 2u);
  EXPECT_EQ(errors.str(), "demo users:1: no\ndemo users:2: no\n");
}

TEST(ImportRunTest, TheTerminalDisplayEndsWithTheSameSummaryOnACleanLine) {
  const plugin::GuardedImporter accept = [](const plugin::ImportRow&) { return std::string(); };
  std::ostringstream out, errors;
  const auto progress = make_progress(true, out, errors);
  RowListSource source("demo videos", {{{"videoid", "1"}}});

  import_rows(source, accept, *progress);

  EXPECT_NE(out.str().find("\r\033[Kdemo videos: 1 rows loaded, 0 skipped, "), std::string::npos) << out.str();
  EXPECT_EQ(errors.str(), "");
}

}  // namespace
}  // namespace killrvideo::loader
