// What a listing costs at 20,000 videos, counted through the seam on the real engine: a first page, a tag
// page, an uploader's page and a deep page each send a small fixed number of Data API commands and bring back rows in
// proportion to the page, and answer what a brute-force ordering of all the videos says.

#include <algorithm>

#include "CatalogOnEngine.h"

namespace killrvideo::catalog::testing {
namespace {

constexpr int kVideos = 20'000;
constexpr int kVideosPerDay = 40;  // 500 days: partitions over many days and months
constexpr int kTags = 8;
constexpr std::int64_t kFirstUpload = 1'700'000'000'000;  // 2023-11-14

struct Cost {
  std::size_t commands = 0;
  std::size_t rows = 0;
};

class ListingCostTest : public CatalogOnEngine {
 protected:
  // The rows go in by insertMany, the counts by the recount: fast, and the recount is what a store filled
  // behind the plugin's back would get. The write paths themselves are ListingRoutesTest's business.
  void SetUp() override {
    Rows videos, latest, by_tag, by_uploader;
    for (int i = 0; i < kVideos; ++i) {
      const SeededVideo video{numbered_uuid(static_cast<std::uint64_t>(i) + 1),
                              numbered_uuid(static_cast<std::uint64_t>(i % 20) + 1'000'000),
                              kFirstUpload + (i / kVideosPerDay) * plugin::kMillisecondsPerDay + (i % kVideosPerDay) * 1000,
                              {"tag" + std::to_string(i % kTags), "tag" + std::to_string((i / 3) % kTags + kTags)}};
      const std::string added = plugin::iso_timestamp(video.added_ms);
      const std::string day = plugin::utc_day(video.added_ms);
      videos.push_back({{"videoid", video.id}, {"userid", video.uploader}, {"added_date", added},
                        {"name", "video " + video.id}, {"tags", video.tags}, {"status", "READY"}});
      latest.push_back({{"day", day}, {"added_date", added}, {"videoid", video.id}});
      by_uploader.push_back({{"userid", video.uploader}, {"day", day}, {"added_date", added}, {"videoid", video.id}});
      for (const auto& tag : video.tags) by_tag.push_back({{"tag", tag}, {"day", day}, {"added_date", added}, {"videoid", video.id}});
      videos_.push_back(video);
    }
    insert_all("videos", videos);
    insert_all("latest_videos", latest);
    insert_all("videos_by_tag", by_tag);
    insert_all("videos_by_uploader", by_uploader);
    ASSERT_FALSE(host_.fake().run_recount("feed_counts").empty());
    host_.take_calls();
  }

  using Rows = std::vector<nlohmann::ordered_json>;
  void insert_all(const std::string& table, const Rows& rows) {
    for (std::size_t first = 0; first < rows.size(); first += 100) {
      const Rows chunk(rows.begin() + static_cast<std::ptrdiff_t>(first),
                       rows.begin() + static_cast<std::ptrdiff_t>(std::min(first + 100, rows.size())));
      const auto response = host_.execute(table, {{"insertMany", {{"documents", chunk}}}});
      ASSERT_FALSE(response.contains("errors")) << response.dump().substr(0, 300);
    }
  }

  std::pair<nlohmann::json, Cost> listed(const std::string& target) {
    const nlohmann::json body = get(target);
    Cost cost;
    for (const auto& call : host_.take_calls()) {
      ++cost.commands;
      cost.rows += killrvideo::plugin::testing::rows_returned(call);
    }
    return {body, cost};
  }

  std::vector<std::string> brute_force(const std::string& tag, std::size_t offset, std::size_t count,
                                       const std::string& uploader = "") const {
    std::vector<SeededVideo> matching;
    for (const auto& video : videos_) {
      if (!uploader.empty() && video.uploader != uploader) continue;
      if (tag.empty() || std::find(video.tags.begin(), video.tags.end(), tag) != video.tags.end()) matching.push_back(video);
    }
    const auto ordered = newest_first(matching);
    return {ordered.begin() + static_cast<std::ptrdiff_t>(offset),
            ordered.begin() + static_cast<std::ptrdiff_t>(std::min(offset + count, ordered.size()))};
  }

  std::vector<SeededVideo> videos_;
};

TEST_F(ListingCostTest, FirstPagesTagAndUploaderPagesAndDeepPagesCostAPageAtTwentyThousandVideos) {
  // Feed counts (months, then the month's days), the day partition(s), the page's videos and counters.
  const auto [latest, latest_cost] = listed("/api/v1/videos/latest?page=1&pageSize=10");
  EXPECT_EQ(ids_of(latest["data"]), brute_force("", 0, 10));
  EXPECT_EQ(latest["pagination"]["totalItems"], kVideos);
  EXPECT_LE(latest_cost.commands, 5U);
  EXPECT_LE(latest_cost.rows, 2U + 10U + 10U + 10U);

  const auto [tagged, tag_cost] = listed("/api/v1/videos/by-tag/tag11?page=2&pageSize=20");
  EXPECT_EQ(ids_of(tagged["data"]), brute_force("tag11", 20, 20));
  EXPECT_EQ(tagged["pagination"]["totalItems"], static_cast<int>(brute_force("tag11", 0, kVideos).size()));
  // A tag has five videos a day: the page's days are read at once, rows up to twice the page.
  EXPECT_LE(tag_cost.commands, 2U + 1U + 2U);
  EXPECT_LE(tag_cost.rows, 2U + 2U * 40U + 20U + 20U);

  // An uploader has two videos a day: a page spans five days, read at once.
  const std::string uploader = videos_.front().uploader;
  const auto [uploaded, uploader_cost] = listed("/api/v1/videos/by-uploader/" + uploader + "?page=3&pageSize=10");
  EXPECT_EQ(ids_of(uploaded["data"]), brute_force("", 20, 10, uploader));
  EXPECT_EQ(uploaded["pagination"]["totalItems"], kVideos / 20);
  EXPECT_LE(uploader_cost.commands, 2U + 1U + 2U);
  EXPECT_LE(uploader_cost.rows, 2U + 2U * 20U + 10U + 10U);

  const auto [deep, deep_cost] = listed("/api/v1/videos/latest?page=1500&pageSize=10");
  EXPECT_EQ(ids_of(deep["data"]), brute_force("", 14'990, 10));
  EXPECT_LE(deep_cost.commands, 6U);
  EXPECT_LE(deep_cost.rows, 2U + kVideosPerDay + 10U + 10U + 10U);
}

}  // namespace
}  // namespace killrvideo::catalog::testing
