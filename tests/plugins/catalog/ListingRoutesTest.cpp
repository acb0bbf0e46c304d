// #11 latest, #12 by tag, #13 by uploader and #17 trending on the real engine: the answers, their exact
// totals, and the writes that keep them (submit, retag, import, recount).

#include <algorithm>

#include "CatalogOnEngine.h"
#include "CatalogTestSupport.h"

namespace killrvideo::catalog::testing {
namespace {

using nlohmann::json;
using plugin::Method;

constexpr std::int64_t kHour = 3'600'000;
constexpr std::int64_t kJune15 = 1'749'945'600'000;  // 2025-06-15T00:00:00Z
constexpr const char* kOtherUploader = "7d2a1f9b-3c8e-4a2f-8b62-1e4d3c5b6f70";

class ListingRoutesTest : public CatalogOnEngine {
 protected:
  // 30 videos, one every 31 hours back from June 15 (so across days and two months), every third by the
  // other uploader, every video tagged "all", every other one "even"; two share an upload time.
  std::vector<SeededVideo> seed_thirty() {
    std::vector<SeededVideo> videos;
    for (int i = 0; i < 30; ++i) {
      SeededVideo video{numbered_uuid(static_cast<std::uint64_t>(i) + 1), i % 3 == 0 ? kOtherUploader : kOwnerId,
                        kJune15 - i * 31 * kHour, i % 2 == 0 ? std::vector<std::string>{"all", "even"}
                                                             : std::vector<std::string>{"all"}};
      if (i == 7) video.added_ms = videos[6].added_ms;
      seed(video);
      videos.push_back(video);
    }
    return videos;
  }

  static std::vector<std::string> slice(const std::vector<std::string>& ids, std::size_t from, std::size_t count) {
    const auto first = std::min(from, ids.size());
    return {ids.begin() + static_cast<std::ptrdiff_t>(first), ids.begin() + static_cast<std::ptrdiff_t>(std::min(first + count, ids.size()))};
  }
};

TEST_F(ListingRoutesTest, LatestPagesAreNewestFirstWithExactTotals) {
  const auto expected = newest_first(seed_thirty());
  for (int page = 1; page <= 4; ++page) {
    const json body = get("/api/v1/videos/latest?page=" + std::to_string(page) + "&pageSize=8");
    EXPECT_EQ(ids_of(body["data"]), slice(expected, static_cast<std::size_t>(page - 1) * 8, 8)) << "page " << page;
    EXPECT_EQ(body["pagination"], json({{"currentPage", page}, {"pageSize", 8}, {"totalItems", 30}, {"totalPages", 4}}));
  }
  EXPECT_EQ(get("/api/v1/videos/latest?pageSize=1")["data"][0]["title"], "video " + expected[0]);
}

TEST_F(ListingRoutesTest, APageBeyondTheEndIsEmptyWithTheTrueTotal) {
  seed_thirty();
  EXPECT_EQ(get("/api/v1/videos/latest?page=4&pageSize=10"),
            json({{"data", json::array()}, {"pagination", {{"currentPage", 4}, {"pageSize", 10}, {"totalItems", 30}, {"totalPages", 3}}}}));
}

TEST_F(ListingRoutesTest, ByTagAndByUploaderListOnlyTheirVideos) {
  const auto videos = seed_thirty();
  std::vector<SeededVideo> even, others;
  for (const auto& video : videos) {
    if (video.tags.size() == 2) even.push_back(video);
    if (video.uploader == kOtherUploader) others.push_back(video);
  }
  const json tagged = get("/api/v1/videos/by-tag/even?pageSize=100");
  EXPECT_EQ(ids_of(tagged["data"]), newest_first(even));
  EXPECT_EQ(tagged["pagination"]["totalItems"], 15);
  const json uploaded = get(std::string("/api/v1/videos/by-uploader/") + kOtherUploader + "?page=2&pageSize=4");
  EXPECT_EQ(ids_of(uploaded["data"]), slice(newest_first(others), 4, 4));
  EXPECT_EQ(uploaded["pagination"]["totalItems"], 10);
  EXPECT_EQ(get("/api/v1/videos/by-tag/none")["pagination"]["totalItems"], 0);
}

TEST_F(ListingRoutesTest, PageSizesOutOfRangeAre422) {
  for (const char* query : {"?pageSize=0", "?pageSize=101", "?page=0", "?page=two"}) {
    EXPECT_EQ(host_.fake().call(Method::Get, std::string("/api/v1/videos/latest") + query).status, 422) << query;
  }
}

TEST_F(ListingRoutesTest, ByUploaderWithABadUuidIs422) {
  const auto response = host_.fake().call(Method::Get, "/api/v1/videos/by-uploader/not-a-uuid");
  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(plugin::testing::response_json(response)["detail"][0]["loc"], json({"path", "userId"}));
}

TEST_F(ListingRoutesTest, ReImportingChangesNoListingAndNoCount) {
  const auto videos = seed_thirty();
  host_.take_calls();
  for (const auto& video : videos) seed(video);
  for (const auto& call : host_.take_calls()) {
    EXPECT_TRUE(call.target == "videos") << "a re-import wrote " << call.target << ": " << call.command.dump();
  }
  EXPECT_EQ(get("/api/v1/videos/latest?pageSize=100")["pagination"]["totalItems"], 30);
  EXPECT_EQ(get("/api/v1/videos/by-tag/all")["pagination"]["totalItems"], 30);
  // A changed export row moves its video: the tag it lost, and a new upload time.
  SeededVideo moved = videos[0];
  moved.tags = {"all"};
  moved.added_ms -= 90 * 24 * kHour;
  seed(moved);
  EXPECT_EQ(get("/api/v1/videos/by-tag/even")["pagination"]["totalItems"], 14);
  EXPECT_EQ(get("/api/v1/videos/latest?pageSize=100")["pagination"]["totalItems"], 30);
  EXPECT_EQ(ids_of(get("/api/v1/videos/latest?pageSize=100")["data"]).back(), moved.id);
}

TEST_F(ListingRoutesTest, ABatchListsWhatRowByRowImportsWouldAndARepeatedRowMovesItsVideo) {
  std::vector<SeededVideo> videos;
  std::vector<plugin::ImportRow> rows;
  for (int i = 0; i < 30; ++i) {
    videos.push_back({numbered_uuid(static_cast<std::uint64_t>(i) + 1), i % 3 == 0 ? kOtherUploader : kOwnerId,
                      kJune15 - i * 31 * kHour, i % 2 == 0 ? std::vector<std::string>{"all", "even"} : std::vector<std::string>{"all"}});
    rows.push_back(export_row(videos.back()));
  }
  SeededVideo moved = videos[0];  // later in the same batch, without "even" and a day older
  moved.tags = {"all"};
  moved.added_ms -= 24 * kHour;
  rows.push_back(export_row(moved));
  rows.push_back({{"videoid", "not-a-uuid"}});

  const auto failures = host_.fake().import_rows("videos", rows);

  ASSERT_EQ(failures.size(), 32U);
  EXPECT_TRUE(std::all_of(failures.begin(), failures.begin() + 31, [](const std::string& f) { return f.empty(); }));
  EXPECT_EQ(failures[31], "column 'videoid' must be a UUID, got 'not-a-uuid'");
  videos[0] = moved;
  EXPECT_EQ(ids_of(get("/api/v1/videos/latest?pageSize=100")["data"]), newest_first(videos));
  EXPECT_EQ(get("/api/v1/videos/by-tag/even")["pagination"]["totalItems"], 14);
  EXPECT_EQ(get("/api/v1/videos/by-tag/all")["pagination"]["totalItems"], 30);
  EXPECT_TRUE(host_.fake().run_recount("feed_counts").empty());
  // The same batch again (the video moves and moves back) leaves every listing and count as it was.
  host_.fake().import_rows("videos", rows);
  EXPECT_EQ(ids_of(get("/api/v1/videos/latest?pageSize=100")["data"]), newest_first(videos));
  EXPECT_EQ(get("/api/v1/videos/by-tag/even")["pagination"]["totalItems"], 14);
  EXPECT_TRUE(host_.fake().run_recount("feed_counts").empty());
}

TEST_F(ListingRoutesTest, UpdatingTagsMovesTheVideoBetweenTagListings) {
  const auto videos = seed_thirty();
  const std::string id = videos[1].id;  // tagged "all" only, by the owner
  const auto updated = host_.fake().call(Method::Put, "/api/v1/videos/id/" + id, {{"tags", {"all", "fresh"}}},
                                         plugin::Principal{kOwnerId, {"creator"}});
  ASSERT_EQ(updated.status, 200) << updated.body;
  EXPECT_EQ(ids_of(get("/api/v1/videos/by-tag/fresh")["data"]), std::vector<std::string>({id}));
  EXPECT_EQ(get("/api/v1/videos/by-tag/all")["pagination"]["totalItems"], 30);
  host_.fake().call(Method::Put, "/api/v1/videos/id/" + id, {{"tags", json::array()}}, plugin::Principal{kOwnerId, {"creator"}});
  EXPECT_EQ(get("/api/v1/videos/by-tag/fresh")["pagination"]["totalItems"], 0);
  EXPECT_EQ(get("/api/v1/videos/by-tag/all")["pagination"]["totalItems"], 29);
}

TEST_F(ListingRoutesTest, TheRecountRepairsCorruptedCountsAndSaysWhat) {
  seed_thirty();
  host_.execute("feed_counts", {{"updateOne", {{"filter", {{"_id", "tag:even"}}}, {"update", {{"$set", {{"months.2025-06", 99}}}}}}}});
  host_.execute("feed_counts", {{"updateOne", {{"filter", {{"_id", "tag:ghost"}}}, {"update", {{"$set", {{"months.2025-01", 3}}}}},
                                               {"options", {{"upsert", true}}}}}});
  const auto corrections = host_.fake().run_recount("feed_counts");
  ASSERT_EQ(corrections.size(), 2U);
  EXPECT_EQ(corrections[0].rfind("tag:even: {2025-05: ", 0), 0U) << corrections[0];
  EXPECT_NE(corrections[0].find("2025-06: 99}"), std::string::npos) << corrections[0];
  EXPECT_EQ(corrections[1], "tag:ghost: {2025-01: 3} -> {}");
  EXPECT_EQ(get("/api/v1/videos/by-tag/even")["pagination"]["totalItems"], 15);
  EXPECT_TRUE(host_.fake().run_recount("feed_counts").empty());
}

TEST_F(ListingRoutesTest, TheRecountRebuildsListingRowsAStoreIsMissing) {
  const auto videos = seed_thirty();
  // A store from before videos_by_tag existed: its rows and counts are missing.
  host_.execute("videos_by_tag", {{"deleteMany", {{"filter", json::object()}}}});
  host_.execute("feed_counts", {{"deleteOne", {{"filter", {{"_id", "tag:even"}}}}}});
  const auto corrections = host_.fake().run_recount("feed_counts");
  ASSERT_FALSE(corrections.empty());
  EXPECT_EQ(corrections[0], "videos_by_tag: 45 rows written, 0 deleted");
  std::vector<SeededVideo> even;
  for (const auto& video : videos) {
    if (video.tags.size() == 2) even.push_back(video);
  }
  EXPECT_EQ(ids_of(get("/api/v1/videos/by-tag/even?pageSize=100")["data"]), newest_first(even));
  EXPECT_TRUE(host_.fake().run_recount("feed_counts").empty());
}

TEST_F(ListingRoutesTest, TrendingRanksTheWindowsViewCounts) {
  const auto videos = seed_thirty();
  host_.fake().clock().set_now_ms(kJune15 + 12 * kHour);
  const auto view = [&](const std::string& id, int times) {
    for (int i = 0; i < times; ++i) ASSERT_EQ(host_.fake().call(Method::Post, "/api/v1/videos/id/" + id + "/view").status, 204);
  };
  view(videos[2].id, 3);
  view(videos[5].id, 1);
  host_.fake().clock().advance_ms(-3 * 24 * kHour);  // three days ago: in the 7-day window only
  view(videos[5].id, 4);
  host_.fake().clock().advance_ms(3 * 24 * kHour);

  const json today = get("/api/v1/videos/trending");
  ASSERT_EQ(today.size(), 2U);
  EXPECT_EQ(today[0]["videoId"], videos[2].id);
  EXPECT_EQ(today[0]["views"], 3);
  EXPECT_EQ(today[1]["views"], 1);
  const json week = get("/api/v1/videos/trending?intervalDays=7&limit=1");
  ASSERT_EQ(week.size(), 1U);
  EXPECT_EQ(week[0]["videoId"], videos[5].id);
  EXPECT_EQ(week[0]["views"], 5);
  EXPECT_EQ(week[0]["viewCount"], 5);
}

TEST_F(ListingRoutesTest, TrendingIntervalsOtherThan1730Are400AndOutOfRange422) {
  const auto response = host_.fake().call(Method::Get, "/api/v1/videos/trending?intervalDays=2");
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(plugin::testing::response_json(response)["detail"], "interval_days must be one of 1, 7 or 30");
  EXPECT_EQ(host_.fake().call(Method::Get, "/api/v1/videos/trending?intervalDays=31").status, 422);
  EXPECT_EQ(host_.fake().call(Method::Get, "/api/v1/videos/trending?limit=11").status, 422);
}

}  // namespace
}  // namespace killrvideo::catalog::testing
