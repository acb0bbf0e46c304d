// GET /users/{userId}/activity (#37): thirty day partitions read, merged newest first, paged in memory.
#include "AccountsPlugin.h"

#include <map>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "killrvideo/plugin/testing/DataReplies.h"
#include "killrvideo/plugin/testing/FakeHost.h"
#include "killrvideo/plugin/testing/ResponseJson.h"

namespace {

using killrvideo::accounts::AccountsPlugin;
using killrvideo::plugin::Method;
using killrvideo::plugin::testing::FakeHost;
using killrvideo::plugin::testing::LogLevel;
using killrvideo::plugin::testing::response_json;
using nlohmann::json;
using nlohmann::ordered_json;
using namespace killrvideo::plugin::testing::replies;

constexpr const char* kUserId = "7777b733-a6b8-47e7-83ad-bc2739ae9954";
constexpr const char* kVideoId = "1b0b5c3e-7a5e-4c4f-9d0a-3f2e1d0c9b8a";
const std::string kActivityPath = std::string("/api/v1/users/") + kUserId + "/activity";

ordered_json activity_row(const std::string& type, const std::string& id, const std::string& timestamp) {
  return {{"userid", kUserId},     {"day", timestamp.substr(0, 10)}, {"activity_type", type},
          {"activity_timestamp", timestamp}, {"activity_id", id},    {"videoid", kVideoId}};
}

json activity_item(const std::string& type, const std::string& id, const std::string& timestamp) {
  return {{"userId", kUserId},        {"activityType", type},     {"activityId", id},
          {"activityTimestamp", timestamp}, {"userid", kUserId},  {"activity_type", type},
          {"activity_id", id},        {"activity_timestamp", timestamp}, {"videoid", kVideoId}};
}

json pagination(int page, int size, int total, int pages) {
  return {{"currentPage", page}, {"pageSize", size}, {"totalItems", total}, {"totalPages", pages}};
}

class ActivityRoutesTest : public ::testing::Test {
 protected:
  ActivityRoutesTest() { host_.load<AccountsPlugin>(); }

  // One answer per day partition, today first; days not in `rows_by_days_back` are empty.
  void queue_days(const std::map<int, std::vector<ordered_json>>& rows_by_days_back = {}) {
    for (int days_back = 0; days_back < 30; ++days_back) {
      const auto rows = rows_by_days_back.find(days_back);
      host_.data().queue_response(found(rows == rows_by_days_back.end() ? std::vector<ordered_json>{} : rows->second));
    }
  }

  // Two activities: a rating yesterday and a view today (FakeClock: 2025-06-15T15:06:40Z).
  void queue_two_activities() {
    queue_days({{0, {activity_row("view", "00000002-0000-1000-8000-000000000000", "2025-06-15T10:00:00.000Z")}},
                {1, {activity_row("rate", "00000001-0000-1000-8000-000000000000", "2025-06-14T09:00:00.000Z")}}});
  }

  killrvideo::plugin::Response get(const std::string& query = "") { return host_.call(Method::Get, kActivityPath + query); }

  FakeHost host_{"accounts"};
};

TEST_F(ActivityRoutesTest, ReadsTodayAndTheTwentyNinePreviousDaysThirtyThreeRowsEach) {
  queue_days();

  const auto response = get();

  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(response_json(response), json({{"data", json::array()}, {"pagination", pagination(1, 10, 0, 0)}}));
  const auto calls = host_.data().calls();
  ASSERT_EQ(calls.size(), 30u);
  EXPECT_EQ(calls[0].target, "user_activity");
  EXPECT_EQ(calls[0].command,
            ordered_json({{"find", {{"filter", {{"userid", kUserId}, {"day", "2025-06-15"}}}, {"options", {{"limit", 33}}}}}}));
  EXPECT_EQ(calls[1].command["find"]["filter"]["day"], "2025-06-14");
  EXPECT_EQ(calls[15].command["find"]["filter"]["day"], "2025-05-31");
  EXPECT_EQ(calls[29].command["find"]["filter"]["day"], "2025-05-17");
}

TEST_F(ActivityRoutesTest, ItemsComeNewestFirstWithBothKeySpellingsAndTheVideo) {
  queue_two_activities();

  const auto response = get();

  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(response_json(response),
            json({{"data",
                   {activity_item("view", "00000002-0000-1000-8000-000000000000", "2025-06-15T10:00:00.000Z"),
                    activity_item("rate", "00000001-0000-1000-8000-000000000000", "2025-06-14T09:00:00.000Z")}},
                  {"pagination", pagination(1, 10, 2, 1)}}));
}

TEST_F(ActivityRoutesTest, RowsOfOneDayAreSortedByTimeNotByType) {
  queue_days({{0,
               {activity_row("comment", "00000000-0000-4000-8000-00000000000a", "2025-06-15T08:00:00Z"),
                activity_row("view", "00000003-0000-1000-8000-000000000000", "2025-06-15T08:00:00.500Z"),
                activity_row("view", "00000002-0000-1000-8000-000000000000", "2025-06-15T07:00:00.000Z")}}});

  const json data = response_json(get())["data"];

  ASSERT_EQ(data.size(), 3u);
  EXPECT_EQ(data[0]["activity_timestamp"], "2025-06-15T08:00:00.500Z");
  EXPECT_EQ(data[1]["activity_timestamp"], "2025-06-15T08:00:00Z");
  EXPECT_EQ(data[2]["activity_timestamp"], "2025-06-15T07:00:00.000Z");
}

TEST_F(ActivityRoutesTest, ActivityTypeFiltersEveryPartitionByItsFirstClusteringColumn) {
  queue_days();

  ASSERT_EQ(get("?activity_type=view").status, 200);

  for (const auto& call : host_.data().calls()) {
    EXPECT_EQ(call.command["find"]["filter"]["activity_type"], "view");
  }
  EXPECT_EQ(host_.data().calls()[0].command["find"]["filter"],
            ordered_json({{"userid", kUserId}, {"day", "2025-06-15"}, {"activity_type", "view"}}));
}

TEST_F(ActivityRoutesTest, SecondPageOfSizeOne) {
  queue_two_activities();

  const auto response = get("?page=2&pageSize=1");

  EXPECT_EQ(response_json(response),
            json({{"data", {activity_item("rate", "00000001-0000-1000-8000-000000000000", "2025-06-14T09:00:00.000Z")}},
                  {"pagination", pagination(2, 1, 2, 2)}}));
}

TEST_F(ActivityRoutesTest, PageBeyondTheEndIsEmptyWithTheTrueTotal) {
  queue_two_activities();

  const auto response = get("?page=3&pageSize=1");

  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response_json(response), json({{"data", json::array()}, {"pagination", pagination(3, 1, 2, 2)}}));
}

TEST_F(ActivityRoutesTest, APartitionTheServerRefusesIsSkippedAndLogged) {
  host_.data().queue_response(refused("INVALID_FILTER_EXPRESSION"));
  for (int days_back = 1; days_back < 30; ++days_back) {
    host_.data().queue_response(found(
        days_back == 1 ? std::vector<ordered_json>{activity_row("rate", "00000001-0000-1000-8000-000000000000",
                                                                "2025-06-14T09:00:00.000Z")}
                       : std::vector<ordered_json>{}));
  }

  const auto response = get();

  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(response_json(response)["pagination"]["totalItems"], 1);
  EXPECT_TRUE(host_.log().logged(LogLevel::Warn, "skipped 7777b733-a6b8-47e7-83ad-bc2739ae9954 2025-06-15"));
}

TEST_F(ActivityRoutesTest, AnUnreachableStoreIs503) {
  const auto response = get();

  EXPECT_EQ(response.status, 503);
  EXPECT_EQ(response_json(response)["detail"], "Unable to reach data store. Please try again later.");
}

TEST_F(ActivityRoutesTest, ABadUserIdIs422UuidParsing) {
  const auto response = host_.call(Method::Get, "/api/v1/users/not-a-uuid/activity");

  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(response_json(response),
            json({{"detail",
                   {{{"type", "uuid_parsing"},
                     {"loc", {"path", "userId"}},
                     {"msg",
                      "Input should be a valid UUID, invalid character: expected an optional prefix of `urn:uuid:` "
                      "followed by [0-9a-fA-F-]"},
                     {"input", "not-a-uuid"}}}}}));
  EXPECT_TRUE(host_.data().calls().empty());
}

TEST_F(ActivityRoutesTest, AnUppercaseUserIdIsReadLowercase) {
  queue_days();

  ASSERT_EQ(host_.call(Method::Get, "/api/v1/users/7777B733-A6B8-47E7-83AD-BC2739AE9954/activity").status, 200);

  EXPECT_EQ(host_.data().calls()[0].command["find"]["filter"]["userid"], kUserId);
}

TEST_F(ActivityRoutesTest, AnUnknownActivityTypeIs422Enum) {
  const auto response = get("?activity_type=like");

  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(response_json(response),
            json({{"detail",
                   {{{"type", "enum"},
                     {"loc", {"query", "activity_type"}},
                     {"msg", "Input should be 'view', 'comment' or 'rate'"},
                     {"input", "like"},
                     {"ctx", {{"expected", "'view', 'comment' or 'rate'"}}}}}}}));
}

TEST_F(ActivityRoutesTest, PageSizeZeroAndOneHundredOneAre422) {
  const auto zero = get("?pageSize=0");
  EXPECT_EQ(zero.status, 422);
  EXPECT_EQ(response_json(zero)["detail"][0]["type"], "greater_than_equal");
  EXPECT_EQ(response_json(zero)["detail"][0]["loc"], json({"query", "pageSize"}));

  const auto too_big = get("?pageSize=101");
  EXPECT_EQ(too_big.status, 422);
  EXPECT_EQ(response_json(too_big)["detail"][0]["type"], "less_than_equal");
  EXPECT_TRUE(host_.data().calls().empty());
}

TEST_F(ActivityRoutesTest, EveryBadParameterIsListedInOneAnswer) {
  const auto response = host_.call(Method::Get, "/api/v1/users/nope/activity?activity_type=x&page=0");

  EXPECT_EQ(response.status, 422);
  const json detail = response_json(response)["detail"];
  ASSERT_EQ(detail.size(), 3u);
  EXPECT_EQ(detail[0]["loc"], json({"path", "userId"}));
  EXPECT_EQ(detail[1]["loc"], json({"query", "activity_type"}));
  EXPECT_EQ(detail[2]["loc"], json({"query", "page"}));
}

}  // namespace
