#include <gtest/gtest.h>

#include "killrvideo/plugin/testing/FakeHost.h"
#include "killrvideo/plugin/testing/ResponseJson.h"

#include "CatalogPlugin.h"
#include "CatalogTestSupport.h"

namespace killrvideo::catalog {
namespace {

using nlohmann::json;
using plugin::Method;
using plugin::testing::FakeHost;
using plugin::testing::response_json;
using namespace testing;

constexpr const char* kIdA = "aaaaaaaa-0000-4000-8000-000000000001";
constexpr const char* kIdB = "bbbbbbbb-0000-4000-8000-000000000002";
constexpr const char* kIdC = "cccccccc-0000-4000-8000-000000000003";

OJson key(const char* id, const char* added) { return {{"videoid", id}, {"added_date", added}}; }
OJson video(const char* id, const char* title) {
  return {{"videoid", id}, {"userid", kOwnerId}, {"name", title}, {"added_date", "2025-06-01T00:00:00Z"}};
}

class ListingRoutesTest : public ::testing::Test {
 protected:
  ListingRoutesTest() { host_.load<CatalogPlugin>(); }

  FakeHost host_{"catalog"};
};

TEST_F(ListingRoutesTest, LatestCountsEveryKeyAndReadsOnlyThePageNewestFirst) {
  // Fraction digits vary; the order is by instant, not by text.
  host_.data().queue_response(documents({key(kIdA, "2025-06-01T10:00:00Z"), key(kIdB, "2025-06-01T10:00:00.500Z"),
                                         key(kIdC, "2025-05-30T09:00:00Z")}));
  host_.data().queue_response(documents({video(kIdA, "A"), video(kIdB, "B")}));
  host_.data().queue_response(documents({{{"_id", kIdA}, {"views", 5}}}));
  const auto response = host_.call(Method::Get, "/api/v1/videos/latest?page=1&pageSize=2");
  ASSERT_EQ(response.status, 200) << response.failure;

  const auto calls = host_.data().calls();
  ASSERT_EQ(calls.size(), 3U);
  EXPECT_EQ(calls[0].target, "latest_videos");
  EXPECT_EQ(calls[0].command, OJson::parse(R"({"find":{"projection":{"videoid":1,"added_date":1}}})"));
  EXPECT_EQ(calls[1].target, "videos");
  EXPECT_EQ(calls[1].command["find"]["filter"], OJson({{"videoid", {{"$in", {kIdB, kIdA}}}}}));
  EXPECT_EQ(calls[1].command["find"]["projection"], OJson({{"content_features", 0}}));
  EXPECT_EQ(calls[2].target, "video_stats");
  EXPECT_EQ(calls[2].command["find"]["filter"], OJson({{"_id", {{"$in", {kIdB, kIdA}}}}}));

  const json body = response_json(response);
  EXPECT_EQ(body["pagination"], json({{"currentPage", 1}, {"pageSize", 2}, {"totalItems", 3}, {"totalPages", 2}}));
  ASSERT_EQ(body["data"].size(), 2U);
  EXPECT_EQ(body["data"][0]["videoId"], kIdB);
  EXPECT_EQ(body["data"][0]["views"], 0);
  EXPECT_EQ(body["data"][1]["videoId"], kIdA);
  EXPECT_EQ(body["data"][1]["views"], 5);
  EXPECT_EQ(body["data"][1]["viewCount"], 5);
  EXPECT_EQ(body["data"][1]["status"], "READY");
  EXPECT_EQ(body["data"][1]["tags"], json::array());
  EXPECT_EQ(body["data"][1].size(), 13U);
}

TEST_F(ListingRoutesTest, APageBeyondTheEndIsEmptyWithTheTrueTotal) {
  host_.data().queue_response(documents({key(kIdA, "2025-06-01T10:00:00Z")}));
  const json body = response_json(host_.call(Method::Get, "/api/v1/videos/latest?page=3&pageSize=10"));
  EXPECT_EQ(body, json({{"data", json::array()},
                        {"pagination", {{"currentPage", 3}, {"pageSize", 10}, {"totalItems", 1}, {"totalPages", 1}}}}));
  EXPECT_EQ(host_.data().calls().size(), 1U);
}

TEST_F(ListingRoutesTest, PageSizesOutOfRangeAre422) {
  EXPECT_EQ(host_.call(Method::Get, "/api/v1/videos/latest?pageSize=0").status, 422);
  EXPECT_EQ(host_.call(Method::Get, "/api/v1/videos/latest?pageSize=101").status, 422);
  EXPECT_TRUE(host_.data().calls().empty());
}

TEST_F(ListingRoutesTest, ByTagFiltersTheTagSetAndByUploaderTheUserIndex) {
  host_.data().queue_response(documents({}));
  EXPECT_EQ(host_.call(Method::Get, "/api/v1/videos/by-tag/data%20modelling").status, 200);
  host_.data().queue_response(documents({}));
  EXPECT_EQ(host_.call(Method::Get, std::string("/api/v1/videos/by-uploader/") + kOwnerId).status, 200);
  const auto calls = host_.data().calls();
  ASSERT_EQ(calls.size(), 2U);
  EXPECT_EQ(calls[0].target, "videos");
  EXPECT_EQ(calls[0].command["find"]["filter"], OJson({{"tags", {{"$in", {"data modelling"}}}}}));
  EXPECT_EQ(calls[1].command["find"]["filter"], OJson({{"userid", kOwnerId}}));
}

TEST_F(ListingRoutesTest, ByUploaderWithABadUuidIs422) {
  const auto response = host_.call(Method::Get, "/api/v1/videos/by-uploader/not-a-uuid");
  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(response_json(response)["detail"][0]["loc"], json({"path", "userId"}));
}

TEST_F(ListingRoutesTest, TrendingRanksTheWindowCounts) {
  host_.data().queue_response(documents({{{"videoid", kIdA}}, {{"videoid", kIdB}}, {{"videoid", kIdA}}, {{"videoid", kIdA}}}));
  host_.data().queue_response(documents({video(kIdB, "B"), video(kIdA, "A")}));
  host_.data().queue_response(documents({{{"_id", kIdA}, {"views", 1000}}}));
  const auto response = host_.call(Method::Get, "/api/v1/videos/trending");
  ASSERT_EQ(response.status, 200) << response.failure;
  const auto calls = host_.data().calls();
  EXPECT_EQ(calls[0].target, "video_activity");
  EXPECT_EQ(calls[0].command, OJson::parse(R"({"find":{"filter":{"day":"2025-06-15"},"projection":{"videoid":1}}})"));
  const json items = response_json(response);
  ASSERT_EQ(items.size(), 2U);
  EXPECT_EQ(items[0]["videoId"], kIdA);
  EXPECT_EQ(items[0]["views"], 3);
  EXPECT_EQ(items[1]["videoId"], kIdB);
  EXPECT_EQ(items[1]["views"], 1);
}

TEST_F(ListingRoutesTest, TrendingOverSevenDaysReadsSevenPartitions) {
  for (int day = 0; day < 7; ++day) host_.data().queue_response(documents({}));
  const auto response = host_.call(Method::Get, "/api/v1/videos/trending?intervalDays=7&limit=3");
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(response_json(response), json::array());
  const auto calls = host_.data().calls();
  ASSERT_EQ(calls.size(), 7U);
  EXPECT_EQ(calls[6].command["find"]["filter"]["day"], "2025-06-09");
}

TEST_F(ListingRoutesTest, TrendingIntervalsOtherThan1730Are400AndOutOfRange422) {
  const auto response = host_.call(Method::Get, "/api/v1/videos/trending?intervalDays=2");
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(response_json(response)["detail"], "interval_days must be one of 1, 7 or 30");
  EXPECT_EQ(host_.call(Method::Get, "/api/v1/videos/trending?intervalDays=31").status, 422);
  EXPECT_EQ(host_.call(Method::Get, "/api/v1/videos/trending?limit=11").status, 422);
}

}  // namespace
}  // namespace killrvideo::catalog
