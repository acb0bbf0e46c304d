// The moderator's queue costs one page: with 1,000 flags over 40 days, count the Data API commands one
// listing sends and the rows they bring back, through the seam, on the real engine.

#include <string>

#include "ModerationFixture.h"

namespace killrvideo::moderation::testing {
namespace {

using nlohmann::json;

constexpr int kDays = 40;
constexpr int kFlagsPerDay = 25;

struct Cost {
  std::size_t commands = 0;
  std::size_t rows = 0;
};

class QueueCostTest : public ModerationFixture {
 protected:
  // Flags spread over kDays days (crossing a month), 25 a day; every fourth is under review.
  std::vector<std::string> flag_many() {
    std::vector<std::string> ids;
    for (int day = 0; day < kDays; ++day) {
      for (int i = 0; i < kFlagsPerDay; ++i) ids.push_back(flag_id());
      host_.fake().clock().advance_ms(plugin::kMillisecondsPerDay);
    }
    for (std::size_t i = 0; i < ids.size(); i += 4) act(ids[i], {{"status", "under_review"}});
    host_.take_calls();
    return ids;
  }

  Cost cost_of(const std::string& target) {
    get(target);
    Cost cost;
    for (const auto& call : host_.take_calls()) {
      ++cost.commands;
      cost.rows += killrvideo::plugin::testing::rows_returned(call);
    }
    return cost;
  }
};

TEST_F(QueueCostTest, TheUisFirstPageReadsTheCountsAndItsOwnRowsOnly) {
  const auto ids = flag_many();
  const std::string path = "/api/v1/moderation/flags?page=1&pageSize=100";
  const Cost cost = cost_of(path);
  // month counts, one month's day counts, 100 queue rows of 4 days, their 100 flags
  EXPECT_EQ(cost.rows, 1U + 1U + 100U + 100U);
  EXPECT_LE(cost.commands, 2U + 4U + 100U / 20U);
  const json page = get(path);
  EXPECT_EQ(page["pagination"]["totalItems"], kDays * kFlagsPerDay);
  EXPECT_EQ(page["data"][0]["flagId"], ids.back());
  EXPECT_EQ(page["data"][99]["flagId"], ids[ids.size() - 100]);
}

TEST_F(QueueCostTest, ADeepPageSkipsWholeMonthsAndDaysByTheirCounts) {
  const auto ids = flag_many();
  const std::string path = "/api/v1/moderation/flags?page=9&pageSize=100";  // flags 800..899, newest first
  const Cost cost = cost_of(path);
  // at most one month's day counts per month read, and the 100 rows plus those before them in their first day
  EXPECT_LE(cost.rows, 1U + 2U + (100U + kFlagsPerDay) + 100U);
  const json page = get(path);
  ASSERT_EQ(page["data"].size(), 100U);
  EXPECT_EQ(page["data"][0]["flagId"], ids[ids.size() - 801]);
  EXPECT_EQ(page["data"][99]["flagId"], ids[ids.size() - 900]);
}

TEST_F(QueueCostTest, AStatusQueueHasItsOwnExactTotal) {
  flag_many();
  const json under_review = get("/api/v1/moderation/flags?status=under_review&pageSize=100");
  EXPECT_EQ(under_review["pagination"]["totalItems"], kDays * kFlagsPerDay / 4);
  EXPECT_EQ(get("/api/v1/moderation/flags?status=open")["pagination"]["totalItems"], kDays * kFlagsPerDay * 3 / 4);
  for (const auto& flag : under_review["data"]) EXPECT_EQ(flag["status"], "under_review");
}

}  // namespace
}  // namespace killrvideo::moderation::testing
