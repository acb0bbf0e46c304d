// Removing and restoring videos on the real engine: a removal takes the video out of every listing and
// count and hides its details from all but moderators; a restore puts everything back.

#include "CatalogOnEngine.h"
#include "CatalogTestSupport.h"

namespace killrvideo::catalog::testing {
namespace {

using nlohmann::json;
using plugin::Method;
using plugin::Principal;

constexpr std::int64_t kJune15 = 1'749'945'600'000;
constexpr const char* kModeratorId = "9f4c3b1d-5e0a-4c4b-8d84-3a6f5e7d8b92";

class VideoModerationTest : public CatalogOnEngine {
 protected:
  VideoModerationTest() {
    host_.fake().clock().set_now_ms(kJune15);
    for (std::uint64_t i = 1; i <= 3; ++i) {
      seed({numbered_uuid(i), kOwnerId, kJune15 - static_cast<std::int64_t>(i) * 3'600'000, {"cassandra"}});
    }
    removed_ = numbered_uuid(2);
    for (int view = 0; view < 2; ++view) host_.fake().call(Method::Post, "/api/v1/videos/id/" + removed_ + "/view");
  }

  void publish(const char* topic, const std::string& type = "video") {
    host_.fake().publish(topic, {{"contentType", type}, {"contentId", removed_}, {"moderatorId", kModeratorId}, {"flagId", nullptr}});
  }
  std::vector<std::string> everywhere() {
    std::vector<std::string> seen;
    for (const auto& target : {std::string("/api/v1/videos/latest"), std::string("/api/v1/videos/by-tag/cassandra"),
                               std::string("/api/v1/videos/by-uploader/") + kOwnerId}) {
      const json page = get(target);
      EXPECT_EQ(page["pagination"]["totalItems"], page["data"].size()) << target;
      for (const auto& id : ids_of(page["data"])) seen.push_back(id);
    }
    for (const auto& id : ids_of(get("/api/v1/videos/trending"))) seen.push_back(id);
    return seen;
  }
  static long occurrences(const std::vector<std::string>& ids, const std::string& id) {
    return std::count(ids.begin(), ids.end(), id);
  }
  plugin::Response details(std::optional<Principal> caller) {
    return host_.fake().call(Method::Get, "/api/v1/videos/id/" + removed_, nullptr, std::move(caller));
  }

  std::string removed_;
};

TEST_F(VideoModerationTest, ARemovedVideoLeavesEveryListingAndCount) {
  ASSERT_EQ(occurrences(everywhere(), removed_), 4);
  publish("moderation.content_removed");
  const auto seen = everywhere();
  EXPECT_EQ(occurrences(seen, removed_), 0);
  EXPECT_EQ(seen.size(), 6U);  // the two others, in the three listings
  const auto events = host_.fake().events().published();
  EXPECT_EQ(events.back().topic, "video.removed");
  EXPECT_EQ(events.back().payload["videoId"], removed_);
  EXPECT_EQ(events.back().payload["moderatorId"], kModeratorId);
}

TEST_F(VideoModerationTest, ItsDetailsAre404ButToModerators) {
  publish("moderation.content_removed");
  EXPECT_EQ(details(std::nullopt).status, 404);
  EXPECT_EQ(details(Principal{kOwnerId, {"creator"}}).status, 404);
  const auto seen_by_moderator = details(Principal{kModeratorId, {"moderator"}});
  ASSERT_EQ(seen_by_moderator.status, 200);
  EXPECT_EQ(plugin::testing::response_json(seen_by_moderator)["status"], "REMOVED");
  EXPECT_EQ(plugin::testing::response_json(seen_by_moderator)["is_deleted"], true);
  EXPECT_EQ(host_.fake().call(Method::Post, "/api/v1/videos/id/" + removed_ + "/view").status, 404);
}

TEST_F(VideoModerationTest, RemovingTwiceCountsOnce) {
  publish("moderation.content_removed");
  publish("moderation.content_removed");
  EXPECT_EQ(get("/api/v1/videos/latest")["pagination"]["totalItems"], 2);
}

TEST_F(VideoModerationTest, RestoreBringsItBackEverywhere) {
  publish("moderation.content_removed");
  const auto restored = host_.fake().call(Method::Post, "/api/v1/moderation/videos/" + removed_ + "/restore", nullptr,
                                          Principal{kModeratorId, {"moderator"}});
  ASSERT_EQ(restored.status, 200);
  EXPECT_EQ(plugin::testing::response_json(restored),
            json({{"content_id", removed_}, {"content_type", "video"}, {"status_message", "initiated"}}));
  EXPECT_EQ(occurrences(everywhere(), removed_), 4);
  EXPECT_EQ(plugin::testing::response_json(details(std::nullopt))["status"], "READY");
  EXPECT_EQ(host_.fake().events().published().back().topic, "video.restored");
}

TEST_F(VideoModerationTest, TheRestoreEventRestoresAndAnUnknownVideoFails) {
  publish("moderation.content_removed");
  publish("moderation.content_restored");
  EXPECT_EQ(get("/api/v1/videos/latest")["pagination"]["totalItems"], 3);
  const std::string unknown = numbered_uuid(99);
  EXPECT_EQ(plugin::testing::response_json(host_.fake().call(Method::Post, "/api/v1/moderation/videos/" + unknown + "/restore",
                                                             nullptr, Principal{kModeratorId, {"moderator"}}))["status_message"],
            "failed");
}

TEST_F(VideoModerationTest, NeitherAReImportNorTheRecountBringsARemovedVideoBack) {
  publish("moderation.content_removed");
  seed({removed_, kOwnerId, kJune15 - 2 * 3'600'000, {"cassandra"}});
  host_.fake().run_recount("feed_counts");
  EXPECT_EQ(occurrences(everywhere(), removed_), 0);
  EXPECT_EQ(details(std::nullopt).status, 404);
}

TEST_F(VideoModerationTest, CommentRemovalsAreNotTheCatalogsBusiness) {
  publish("moderation.content_removed", "comment");
  EXPECT_EQ(get("/api/v1/videos/latest")["pagination"]["totalItems"], 3);
  EXPECT_TRUE(host_.fake().events().failures().empty());
}

}  // namespace
}  // namespace killrvideo::catalog::testing
