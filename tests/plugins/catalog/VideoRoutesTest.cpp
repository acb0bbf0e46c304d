#include <gtest/gtest.h>

#include "killrvideo/plugin/data/Vectors.h"
#include "killrvideo/plugin/testing/FakeHost.h"
#include "killrvideo/plugin/testing/ResponseJson.h"

#include "CatalogPlugin.h"
#include "CatalogTestSupport.h"
#include "killrvideo/plugin/testing/DataReplies.h"

namespace killrvideo::catalog {
namespace {

using nlohmann::json;
using plugin::Method;
using plugin::testing::FakeHost;
using plugin::testing::response_json;
using namespace testing;
using namespace plugin::testing::replies;

const std::string kStatusPath = std::string(kVideoPath) + "/status";
const std::string kViewPath = std::string(kVideoPath) + "/view";

class VideoRoutesTest : public ::testing::Test {
 protected:
  VideoRoutesTest() { host_.load<CatalogPlugin>(); }

  FakeHost host_{"catalog"};
};

TEST_F(VideoRoutesTest, DetailsArePointReadsOfTheVideoAndItsCounters) {
  host_.data().queue_response(found_one(stored_video()));
  host_.data().queue_response(found_one({{"_id", kVideoId}, {"views", 7}, {"rating_count", 2}, {"rating_total", 9}}));
  const auto response = host_.call(Method::Get, kVideoPath);
  ASSERT_EQ(response.status, 200) << response.body;

  const auto calls = host_.data().calls();
  ASSERT_EQ(calls.size(), 2U);
  EXPECT_EQ(calls[0].target, "videos");
  EXPECT_EQ(calls[0].command, OJson({{"findOne", {{"filter", {{"videoid", kVideoId}}}}}}));
  EXPECT_EQ(calls[1].target, "video_stats");
  EXPECT_EQ(calls[1].command, OJson({{"findOne", {{"filter", {{"_id", kVideoId}}}}}}));

  const json detail = response_json(response);
  EXPECT_EQ(detail["views"], 7);
  EXPECT_EQ(detail["viewCount"], 7);
  EXPECT_EQ(detail["averageRating"], 4.5);
  EXPECT_EQ(detail["totalRatingsCount"], 2);
  EXPECT_EQ(detail["title"], "Cassandra data modelling");
  EXPECT_EQ(detail["youtubeVideoId"], "abcdefghijk");
  EXPECT_EQ(detail.size(), 22U);
}

TEST_F(VideoRoutesTest, DetailsWithoutCountersOrStoredIdFallBack) {
  OJson legacy = stored_video();
  legacy.erase("youtube_video_id");
  legacy.erase("status");
  legacy["location"] = "https://www.youtube.com/embed/L7V_woT8mbQ";
  host_.data().queue_response(found_one(legacy));
  host_.data().queue_response(found_none());
  const json detail = response_json(host_.call(Method::Get, kVideoPath));
  EXPECT_EQ(detail["youtubeVideoId"], "L7V_woT8mbQ");
  EXPECT_EQ(detail["status"], "READY");
  EXPECT_EQ(detail["views"], 0);
  EXPECT_EQ(detail["averageRating"], nullptr);
  EXPECT_EQ(detail["totalRatingsCount"], 0);
}

TEST_F(VideoRoutesTest, UnknownVideoIs404) {
  host_.data().queue_response(found_none());
  const auto response = host_.call(Method::Get, kVideoPath);
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response_json(response)["detail"], "Video not found");
}

TEST_F(VideoRoutesTest, StatusIsForTheOwningCreatorOrAModerator) {
  host_.data().queue_response(found_one(stored_video("PROCESSING")));
  const auto as_owner = host_.call(Method::Get, kStatusPath, nullptr, owner());
  ASSERT_EQ(as_owner.status, 200);
  EXPECT_EQ(response_json(as_owner), json({{"videoId", kVideoId}, {"status", "PROCESSING"}}));

  host_.data().queue_response(found_one(stored_video()));
  EXPECT_EQ(host_.call(Method::Get, kStatusPath, nullptr, moderator()).status, 200);

  host_.data().queue_response(found_one(stored_video()));
  const auto as_viewer_owner = host_.call(Method::Get, kStatusPath, nullptr, user(kOwnerId, {"viewer"}));
  EXPECT_EQ(as_viewer_owner.status, 403);
  EXPECT_EQ(response_json(as_viewer_owner)["detail"], "User does not have permission to view status of this video");

  host_.data().queue_response(found_one(stored_video()));
  EXPECT_EQ(host_.call(Method::Get, kStatusPath, nullptr, stranger()).status, 403);
}

TEST_F(VideoRoutesTest, UpdateWritesOnlySuppliedFieldsAndReEmbeds) {
  host_.data().queue_response(found_one(stored_video()));
  host_.data().queue_response(updated());
  OJson after = stored_video();
  after["name"] = "New title";
  host_.data().queue_response(found_one(after));
  host_.data().queue_response(found_none());
  const auto response = host_.call(Method::Put, kVideoPath, {{"title", "New title"}, {"description", nullptr}}, owner());
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(response_json(response)["title"], "New title");

  const auto calls = host_.data().calls();
  ASSERT_EQ(calls.size(), 4U);
  const auto features = host_.embedder().embed("New title\nPartitions explained\ncassandra modelling").vector;
  EXPECT_EQ(calls[1].target, "videos");
  EXPECT_EQ(calls[1].command, OJson({{"updateOne",
                                      {{"filter", {{"videoid", kVideoId}}},
                                       {"update",
                                        {{"$set",
                                          {{"name", "New title"},
                                           {"updated_at", "2025-06-15T15:06:40.000Z"},
                                           {"content_features", plugin::data::vector_to_json(features)}}}}}}}}));
}

TEST_F(VideoRoutesTest, AnEmptyUpdateWritesNothing) {
  host_.data().queue_response(found_one(stored_video()));
  host_.data().queue_response(found_one(stored_video()));
  host_.data().queue_response(found_none());
  EXPECT_EQ(host_.call(Method::Put, kVideoPath, json::object(), moderator()).status, 200);
  for (const auto& call : host_.data().calls()) EXPECT_FALSE(call.command.contains("updateOne"));
}

TEST_F(VideoRoutesTest, UpdateByAStrangerIs403AndAShortTitle422) {
  host_.data().queue_response(found_one(stored_video()));
  const auto forbidden = host_.call(Method::Put, kVideoPath, {{"title", "Mine now"}}, stranger());
  EXPECT_EQ(forbidden.status, 403);
  EXPECT_EQ(response_json(forbidden)["detail"], "User does not have permission to modify this video");

  const auto invalid = host_.call(Method::Put, kVideoPath, {{"title", "ab"}}, owner());
  EXPECT_EQ(invalid.status, 422);
  EXPECT_EQ(response_json(invalid)["detail"][0]["type"], "string_too_short");
}

TEST_F(VideoRoutesTest, AnUpdateWithTooManyOrOverlongTagsIs422AndReadsNothing) {
  const auto too_many = host_.call(Method::Put, kVideoPath, {{"tags", std::vector<std::string>(51, "t")}}, owner());
  EXPECT_EQ(too_many.status, 422);
  EXPECT_EQ(response_json(too_many)["detail"][0]["type"], "too_long");
  const auto too_long = host_.call(Method::Put, kVideoPath, {{"tags", {"fine", std::string(51, 'x')}}}, owner());
  EXPECT_EQ(too_long.status, 422);
  EXPECT_EQ(response_json(too_long)["detail"][0]["loc"], json({"body", "tags", 1}));
  EXPECT_TRUE(host_.data().calls().empty());
}

TEST_F(VideoRoutesTest, AViewIncrementsTheCounterAndTheDaysCountAndPublishes) {
  host_.data().queue_response(found_one(stored_video()));
  host_.data().queue_response(updated());
  host_.data().queue_response(updated());
  const auto response = host_.call(Method::Post, kViewPath, nullptr, stranger());
  ASSERT_EQ(response.status, 204) << response.body;
  EXPECT_TRUE(response.body.empty());

  const auto calls = host_.data().calls();
  ASSERT_EQ(calls.size(), 3U);
  EXPECT_EQ(calls[1].target, "video_stats");
  EXPECT_EQ(calls[1].command, OJson({{"updateOne",
                                      {{"filter", {{"_id", kVideoId}}},
                                       {"update", {{"$inc", {{"views", 1}}}}},
                                       {"options", {{"upsert", true}}}}}}));
  EXPECT_EQ(calls[2].target, "video_views_by_day");
  EXPECT_EQ(calls[2].command,
            OJson({{"updateOne",
                    {{"filter", {{"_id", std::string("2025-06-15:") + kVideoId}}},
                     {"update", {{"$inc", {{"views", 1}}}, {"$setOnInsert", {{"day", "2025-06-15"}, {"videoid", kVideoId}}}}},
                     {"options", {{"upsert", true}}}}}}));
  const auto events = host_.events().published();
  ASSERT_EQ(events.size(), 1U);
  EXPECT_EQ(events[0].topic, "video.viewed");
  EXPECT_EQ(events[0].payload,
            json({{"videoId", kVideoId}, {"userId", kOtherUserId}, {"viewedAt", "2025-06-15T15:06:40.000Z"}}));
}

TEST_F(VideoRoutesTest, AnAnonymousViewPublishesTheNilUser) {
  host_.data().queue_response(found_one(stored_video()));
  host_.data().queue_response(updated());
  host_.data().queue_response(updated());
  EXPECT_EQ(host_.call(Method::Post, kViewPath).status, 204);
  EXPECT_EQ(host_.events().published().at(0).payload["userId"], "00000000-0000-0000-0000-000000000000");
}

TEST_F(VideoRoutesTest, AViewWhoseCountFailsIsAnErrorNotASilentLoss) {
  host_.data().queue_response(found_one(stored_video()));  // the $inc then meets the fake's "database down"
  EXPECT_EQ(host_.call(Method::Post, kViewPath).status, 503);
  EXPECT_TRUE(host_.events().published().empty());
}

TEST_F(VideoRoutesTest, ViewsOfAVideoNotReadyFollowTheStatusGates) {
  const auto view = [&](std::optional<plugin::Principal> caller) {
    host_.data().queue_response(found_one(stored_video("PENDING")));
    return host_.call(Method::Post, kViewPath, nullptr, std::move(caller));
  };
  const auto anonymous = view(std::nullopt);
  EXPECT_EQ(anonymous.status, 404);
  EXPECT_EQ(response_json(anonymous)["detail"], "Video not found or not available");
  const auto other = view(stranger());
  EXPECT_EQ(other.status, 403);
  EXPECT_EQ(response_json(other)["detail"], "User does not have permission to view this video");
  EXPECT_EQ(view(owner()).status, 404);
  EXPECT_EQ(view(moderator()).status, 404);
  EXPECT_EQ(host_.data().calls().size(), 4U) << "no counter, no activity";
  EXPECT_TRUE(host_.events().published().empty());
}

}  // namespace
}  // namespace killrvideo::catalog
