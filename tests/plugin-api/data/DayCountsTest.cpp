// DayCounts' page walk on the real embedded engine: which days a page reads, and whether they are read one
// at a time or at once. The reads answer ids "<day>#<n>" (n = a row's place in its day, newest first), so
// every answer says exactly which rows it came from.

#include "killrvideo/plugin/data/DayCounts.h"

#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "killrvideo/plugin/data/CollectionSpec.h"
#include "killrvideo/plugin/testing/EngineBackedHost.h"

namespace killrvideo::plugin::data {
namespace {

using testing::EngineBackedHost;

std::string row_id(const std::string& day, std::int64_t n) { return day + "#" + std::to_string(n); }

class DayCountsTest : public ::testing::Test {
 protected:
  DayCountsTest() : host_("day_counts_test"), counts_(host_.fake().data(), "counts") {
    host_.create(CollectionSpec("counts"));
  }

  // Rows per day of key "k"; also what the reads below answer from.
  void add(const std::string& day, std::int64_t rows) {
    counts_.add("k", day, rows);
    rows_[day] = rows;
  }

  CountedPage page(std::int64_t offset, int count) {
    const DayCounts::ReadDay read_day = [&](const std::string& day, std::int64_t skip, int take) {
      day_reads_.push_back(day);
      std::vector<std::string> ids;
      for (std::int64_t n = skip; n < rows_[day] && n < skip + take; ++n) ids.push_back(row_id(day, n));
      return ids;
    };
    const DayCounts::ReadDays read_days = [&](const std::vector<std::string>& days, std::int64_t rows) {
      multi_day_reads_.push_back(days);
      std::int64_t counted = 0;
      std::map<std::string, std::vector<std::string>> ids_of_day;
      for (const auto& day : days) {
        counted += rows_[day];
        for (std::int64_t n = 0; n < rows_[day]; ++n) ids_of_day[day].push_back(row_id(day, n));
      }
      EXPECT_EQ(rows, counted);
      return ids_of_day;
    };
    return counts_.page("k", offset, count, read_day, read_days);
  }

  EngineBackedHost host_;
  DayCounts counts_;
  std::map<std::string, std::int64_t> rows_;
  std::vector<std::string> day_reads_;
  std::vector<std::vector<std::string>> multi_day_reads_;
};

TEST_F(DayCountsTest, APageOverManySparseDaysIsOneReadOfThoseDays) {
  for (int day = 1; day <= 9; ++day) add("2025-11-0" + std::to_string(day), 1);
  add("2025-10-31", 2);

  const auto listed = page(2, 5);

  EXPECT_EQ(listed.total, 11);
  EXPECT_EQ(listed.ids, (std::vector<std::string>{"2025-11-07#0", "2025-11-06#0", "2025-11-05#0", "2025-11-04#0",
                                                  "2025-11-03#0"}));
  EXPECT_TRUE(day_reads_.empty());
  ASSERT_EQ(multi_day_reads_.size(), 1U);
  EXPECT_EQ(multi_day_reads_[0],
            (std::vector<std::string>{"2025-11-07", "2025-11-06", "2025-11-05", "2025-11-04", "2025-11-03"}));
}

TEST_F(DayCountsTest, APageAcrossMonthsTakesEachDaysSliceInOrder) {
  add("2025-11-01", 2);
  add("2025-10-31", 3);

  const auto listed = page(1, 3);

  EXPECT_EQ(listed.ids, (std::vector<std::string>{"2025-11-01#1", "2025-10-31#0", "2025-10-31#1"}));
  ASSERT_EQ(multi_day_reads_.size(), 1U);
  EXPECT_EQ(multi_day_reads_[0], (std::vector<std::string>{"2025-11-01", "2025-10-31"}));
}

TEST_F(DayCountsTest, APageInsideOneDayReadsThatDayFromItsStart) {
  add("2025-11-02", 200);
  add("2025-11-01", 200);

  const auto listed = page(20, 10);

  EXPECT_EQ(listed.ids.front(), "2025-11-02#20");
  EXPECT_EQ(listed.ids.back(), "2025-11-02#29");
  EXPECT_EQ(day_reads_, (std::vector<std::string>{"2025-11-02"}));
  EXPECT_TRUE(multi_day_reads_.empty());
}

TEST_F(DayCountsTest, FullDaysHoldingMoreThanAPageBeyondTheDayByDayReadsAreReadDayByDay) {
  // The page's last 5 rows of one day and first 5 of the next: the day-by-day reads bring back 20 + 5 rows,
  // the two whole days 40, 15 more than the page of 10.
  add("2025-11-02", 20);
  add("2025-11-01", 20);

  const auto listed = page(15, 10);

  EXPECT_EQ(listed.ids.size(), 10U);
  EXPECT_EQ(listed.ids[4], "2025-11-02#19");
  EXPECT_EQ(listed.ids[5], "2025-11-01#0");
  EXPECT_EQ(day_reads_, (std::vector<std::string>{"2025-11-02", "2025-11-01"}));
  EXPECT_TRUE(multi_day_reads_.empty());
}

TEST_F(DayCountsTest, WithoutReadDaysEveryDayIsReadAlone) {
  add("2025-11-02", 1);
  add("2025-11-01", 1);
  const DayCounts::ReadDay read_day = [&](const std::string& day, std::int64_t, int) {
    day_reads_.push_back(day);
    return std::vector<std::string>{row_id(day, 0)};
  };

  const auto listed = counts_.page("k", 0, 10, read_day);

  EXPECT_EQ(listed.ids, (std::vector<std::string>{"2025-11-02#0", "2025-11-01#0"}));
  EXPECT_EQ(day_reads_, (std::vector<std::string>{"2025-11-02", "2025-11-01"}));
}

}  // namespace
}  // namespace killrvideo::plugin::data
