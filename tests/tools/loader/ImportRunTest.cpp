// Every row reaches the importer, in batches with a commit after each; unreadable and refused rows are
// reported with their location and skipped.

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
  const plugin::GuardedBatchImporter importer = [&](const std::vector<plugin::ImportRow>& rows) {
    std::vector<std::string> failures;
    for (const auto& row : rows) {
      if (row.at("userid") == "refuse-me") {
        failures.emplace_back("userid is not a UUID");
        continue;
      }
      imported.push_back(row.at("userid"));
      failures.emplace_back();
    }
    return failures;
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
  const plugin::GuardedBatchImporter refuse_all = [](const std::vector<plugin::ImportRow>& rows) {
    return std::vector<std::string>(rows.size(), "no");
  };
  std::ostringstream out, errors;
  const auto progress = make_progress(false, out, errors);
  RowListSource source("demo users", {{{"userid", "x"}}, {{"userid", "y"}}});

  const ImportTally tally = import_rows(source, refuse_all, *progress);

  EXPECT_EQ(tally.loaded, 0u);
  EXPECT_EQ(tally.skipped, 2u);
  EXPECT_EQ(errors.str(), "demo users:1: no\ndemo users:2: no\n");
}

TEST(ImportRunTest, TheTerminalDisplayEndsWithTheSameSummaryOnACleanLine) {
  const plugin::GuardedBatchImporter accept = [](const std::vector<plugin::ImportRow>& rows) {
    return std::vector<std::string>(rows.size());
  };
  std::ostringstream out, errors;
  const auto progress = make_progress(true, out, errors);
  RowListSource source("demo videos", {{{"videoid", "1"}}});

  import_rows(source, accept, *progress);

  EXPECT_NE(out.str().find("\r\033[Kdemo videos: 1 rows loaded, 0 skipped, "), std::string::npos) << out.str();
  EXPECT_EQ(errors.str(), "");
}

TEST(ImportRunTest, RowsGoToTheImporterInBatchesWithACommitAfterEach) {
  std::vector<std::size_t> batch_sizes;
  std::vector<std::size_t> committed_after;
  const plugin::GuardedBatchImporter importer = [&](const std::vector<plugin::ImportRow>& rows) {
    batch_sizes.push_back(rows.size());
    return std::vector<std::string>(rows.size());
  };
  std::ostringstream out, errors;
  const auto progress = make_progress(false, out, errors);
  std::vector<plugin::ImportRow> rows(7, plugin::ImportRow{{"userid", "x"}});
  RowListSource source("demo users", rows);
  const CommitCadence cadence{3, [&] { committed_after.push_back(batch_sizes.size()); }};

  const ImportTally tally = import_rows(source, importer, *progress, cadence);

  EXPECT_EQ(tally.loaded, 7u);
  EXPECT_EQ(batch_sizes, (std::vector<std::size_t>{3, 3, 1}));
  EXPECT_EQ(committed_after, (std::vector<std::size_t>{1, 2, 3}));
}

TEST(ImportRunTest, AnImporterThatAnswersForTooFewRowsFailsTheWholeBatch) {
  const plugin::GuardedBatchImporter short_answer = [](const std::vector<plugin::ImportRow>&) {
    return std::vector<std::string>{""};
  };
  std::ostringstream out, errors;
  const auto progress = make_progress(false, out, errors);
  RowListSource source("demo users", {{{"userid", "x"}}, {{"userid", "y"}}});

  const ImportTally tally = import_rows(source, short_answer, *progress, CommitCadence{2, nullptr});

  EXPECT_EQ(tally.loaded, 0u);
  EXPECT_EQ(errors.str(), "demo users:1: the importer gave no answer for this row\n"
                          "demo users:2: the importer gave no answer for this row\n");
}

TEST(ImportRunTest, AFailedCommitStopsTheLoad) {
  const plugin::GuardedBatchImporter accept = [](const std::vector<plugin::ImportRow>& rows) {
    return std::vector<std::string>(rows.size());
  };
  std::ostringstream out, errors;
  const auto progress = make_progress(false, out, errors);
  RowListSource source("demo users", {{{"userid", "x"}}});
  const CommitCadence cadence{1, [] { throw std::runtime_error("database or disk is full"); }};

  EXPECT_THROW(import_rows(source, accept, *progress, cadence), CommitFailed);
}

}  // namespace
}  // namespace killrvideo::loader
