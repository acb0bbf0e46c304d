// Listings and trending on a server of their own, so totals are exact: pages newest first with real
// totals, the pagination edges, by tag, by uploader, and trending ranked by the window's views.

#include <gtest/gtest.h>

#include <thread>

#include "tests/integration/catalog/CatalogServer.h"

namespace killrvideo::testing::catalog {
namespace {

using nlohmann::json;

class CatalogListingTest : public ::testing::Test {
 protected:
  // Three videos, oldest first: "first" and "third" by kCreatorId, "second" by kOtherCreatorId.
  static void SetUpTestSuite() {
    server_ = new ServerProcess(catalog_config());
    HttpClient client(server_->base_url());
    const std::vector<std::pair<std::string, std::string>> uploads = {
        {"first", creator()}, {"second", other_creator()}, {"third", creator()}};
    for (const auto& [title, token] : uploads) {
      const auto response = client.post(
          "/api/v1/videos",
          submission("https://youtu.be/abcdefghijk", R"(,"title":")" + title + R"(","tags":["shared",")" + title + "\"]"),
          {token});
      ids_.push_back(response.json()["videoId"].get<std::string>());
      // Distinct added_date instants, so newest-first is the submission order reversed.
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  static std::vector<std::string> titles(const json& items) {
    std::vector<std::string> titles;
    for (const auto& item : items) titles.push_back(item["title"].get<std::string>());
    return titles;
  }

  HttpClient client_{server_->base_url()};
  static ServerProcess* server_;
  static std::vector<std::string> ids_;
};
ServerProcess* CatalogListingTest::server_ = nullptr;
std::vector<std::string> CatalogListingTest::ids_;

TEST_F(CatalogListingTest, LatestPagesNewestFirstWithRealTotals) {
  const json first = client_.get("/api/v1/videos/latest?page=1&pageSize=2").json();
  EXPECT_EQ(titles(first["data"]), std::vector<std::string>({"third", "second"}));
  EXPECT_EQ(first["pagination"], json({{"currentPage", 1}, {"pageSize", 2}, {"totalItems", 3}, {"totalPages", 2}}));
  const json second = client_.get("/api/v1/videos/latest?page=2&pageSize=2").json();
  EXPECT_EQ(titles(second["data"]), std::vector<std::string>({"first"}));
  const json item = second["data"][0];
  EXPECT_EQ(item["videoId"], ids_[0]);
  EXPECT_EQ(item["status"], "READY");
  EXPECT_EQ(item["tags"], json({"first", "shared"}));
  EXPECT_EQ(item["views"], 0);
  EXPECT_EQ(item["viewCount"], 0);
  EXPECT_EQ(item.size(), 13U);
}

TEST_F(CatalogListingTest, APageBeyondTheEndIsEmptyWithTheTrueTotal) {
  const json beyond = client_.get("/api/v1/videos/latest?page=5&pageSize=2").json();
  EXPECT_EQ(beyond, json({{"data", json::array()},
                          {"pagination", {{"currentPage", 5}, {"pageSize", 2}, {"totalItems", 3}, {"totalPages", 2}}}}));
  const json defaults = client_.get("/api/v1/videos/latest").json();
  EXPECT_EQ(defaults["pagination"], json({{"currentPage", 1}, {"pageSize", 10}, {"totalItems", 3}, {"totalPages", 1}}));
}

TEST_F(CatalogListingTest, PageSizeZeroAndOneHundredOneAre422) {
  for (const char* path : {"/api/v1/videos/latest?pageSize=0", "/api/v1/videos/latest?pageSize=101",
                           "/api/v1/videos/by-tag/shared?pageSize=0", "/api/v1/videos/latest?page=0"}) {
    const auto response = client_.get(path);
    EXPECT_EQ(response.status, 422) << path;
    EXPECT_EQ(response.json()["detail"][0]["loc"][0], "query") << path;
  }
}

TEST_F(CatalogListingTest, ByTagFindsTheVideosWhoseTagSetHoldsIt) {
  const json shared = client_.get("/api/v1/videos/by-tag/shared?pageSize=2").json();
  EXPECT_EQ(titles(shared["data"]), std::vector<std::string>({"third", "second"}));
  EXPECT_EQ(shared["pagination"]["totalItems"], 3);
  const json one = client_.get("/api/v1/videos/by-tag/second").json();
  EXPECT_EQ(titles(one["data"]), std::vector<std::string>({"second"}));
  EXPECT_EQ(client_.get("/api/v1/videos/by-tag/nothing").json()["pagination"]["totalPages"], 0);
}

TEST_F(CatalogListingTest, ByUploaderListsOneUsersVideosAndRefusesABadUuid) {
  const json mine = client_.get(std::string("/api/v1/videos/by-uploader/") + kCreatorId + "?page=1&pageSize=20").json();
  EXPECT_EQ(titles(mine["data"]), std::vector<std::string>({"third", "first"}));
  EXPECT_EQ(mine["pagination"]["totalItems"], 2);
  const auto bad = client_.get("/api/v1/videos/by-uploader/not-a-uuid");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.json()["detail"][0]["loc"], json({"path", "userId"}));
}

TEST_F(CatalogListingTest, TrendingRanksTodaysViews) {
  for (int view = 0; view < 3; ++view) ASSERT_EQ(client_.post("/api/v1/videos/id/" + ids_[1] + "/view", "").status, 204);
  ASSERT_EQ(client_.post("/api/v1/videos/id/" + ids_[2] + "/view", "").status, 204);

  const auto trending = client_.get("/api/v1/videos/trending?intervalDays=7&limit=10");
  ASSERT_EQ(trending.status, 200) << trending.body;
  const json items = trending.json();
  ASSERT_EQ(items.size(), 2U);
  EXPECT_EQ(items[0]["videoId"], ids_[1]);
  EXPECT_EQ(items[0]["views"], 3);
  EXPECT_EQ(items[1]["videoId"], ids_[2]);
  EXPECT_EQ(items[1]["views"], 1);
  EXPECT_EQ(client_.get("/api/v1/videos/trending?limit=1").json().size(), 1U);

  const auto bad_interval = client_.get("/api/v1/videos/trending?intervalDays=2");
  EXPECT_EQ(bad_interval.status, 400);
  EXPECT_EQ(bad_interval.json()["detail"], "interval_days must be one of 1, 7 or 30");
  EXPECT_EQ(client_.get("/api/v1/videos/trending?intervalDays=31").status, 422);
  EXPECT_EQ(client_.get("/api/v1/videos/trending?limit=0").status, 422);
}

}  // namespace
}  // namespace killrvideo::testing::catalog
