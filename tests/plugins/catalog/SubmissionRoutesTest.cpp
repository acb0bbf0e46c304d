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

constexpr const char* kNewVideoId = "00000000-0000-4000-8000-000000000001";
constexpr const char* kNow = "2025-06-15T15:06:40.000Z";

class SubmissionRoutesTest : public ::testing::Test {
 protected:
  SubmissionRoutesTest() { host_.load<CatalogPlugin>(); }

  plugin::Response submit(const json& body) {
    return host_.call(Method::Post, "/api/v1/videos", body, owner());
  }

  FakeHost host_{"catalog"};
};

TEST_F(SubmissionRoutesTest, StoresTheVideoAndItsListingRowsThenAnswers202) {
  host_.data().queue_response(inserted_row({kNewVideoId}));
  // latest, uploader and two tags: a row and two counts ($inc of its month and its day) each.
  for (int feed = 0; feed < 4; ++feed) {
    host_.data().queue_response(inserted_row({kNewVideoId}));
    host_.data().queue_response(updated());
    host_.data().queue_response(updated());
  }
  const auto response = submit({{"youtubeUrl", "https://youtu.be/abcdefghijk"},
                                {"description", "Partitions explained"},
                                {"tags", {"cassandra", "modelling"}}});
  ASSERT_EQ(response.status, 202) << response.body;

  const auto calls = host_.data().calls();
  ASSERT_EQ(calls.size(), 13U);
  const auto features =
      host_.embedder().embed("Untitled Video\nPartitions explained\ncassandra modelling").vector;
  EXPECT_EQ(calls[0].target, "videos");
  EXPECT_EQ(calls[0].command, OJson({{"insertOne",
                                      {{"document",
                                        {{"videoid", kNewVideoId},
                                         {"userid", kOwnerId},
                                         {"added_date", kNow},
                                         {"name", "Untitled Video"},
                                         {"location", "https://youtu.be/abcdefghijk"},
                                         {"location_type", 0},
                                         {"preview_image_location", "https://i.ytimg.com/vi/abcdefghijk/hqdefault.jpg"},
                                         {"tags", {"cassandra", "modelling"}},
                                         {"status", "READY"},
                                         {"youtube_video_id", "abcdefghijk"},
                                         {"updated_at", kNow},
                                         {"description", "Partitions explained"},
                                         {"content_features", plugin::data::vector_to_json(features)}}}}}}));
  EXPECT_EQ(calls[1].target, "latest_videos");
  EXPECT_EQ(calls[1].command, OJson({{"insertOne",
                                      {{"document",
                                        {{"day", "2025-06-15"},
                                         {"added_date", kNow},
                                         {"videoid", kNewVideoId},
                                         {"name", "Untitled Video"},
                                         {"preview_image_location", "https://i.ytimg.com/vi/abcdefghijk/hqdefault.jpg"},
                                         {"userid", kOwnerId}}}}}}));
  EXPECT_EQ(calls[2].target, "feed_counts");
  EXPECT_EQ(calls[2].command, OJson({{"updateOne",
                                      {{"filter", {{"_id", "latest"}}},
                                       {"update", {{"$inc", {{"months.2025-06", 1}}}}},
                                       {"options", {{"upsert", true}}}}}}));
  EXPECT_EQ(calls[3].command["updateOne"]["filter"], OJson({{"_id", "latest@2025-06"}}));
  EXPECT_EQ(calls[3].command["updateOne"]["update"], OJson({{"$inc", {{"days.15", 1}}}}));
  EXPECT_EQ(calls[4].target, "videos_by_uploader");
  EXPECT_EQ(calls[4].command["insertOne"]["document"],
            OJson({{"day", "2025-06-15"}, {"added_date", kNow}, {"videoid", kNewVideoId}, {"userid", kOwnerId}}));
  EXPECT_EQ(calls[5].command["updateOne"]["filter"], OJson({{"_id", std::string("uploader:") + kOwnerId}}));
  EXPECT_EQ(calls[7].target, "videos_by_tag");
  EXPECT_EQ(calls[7].command["insertOne"]["document"]["tag"], "cassandra");
  EXPECT_EQ(calls[10].command["insertOne"]["document"]["tag"], "modelling");
  EXPECT_EQ(calls[11].command["updateOne"]["filter"], OJson({{"_id", "tag:modelling"}}));

  const json detail = response_json(response);
  EXPECT_EQ(detail, json({{"title", "Untitled Video"},
                          {"description", "Partitions explained"},
                          {"tags", {"cassandra", "modelling"}},
                          {"videoId", kNewVideoId},
                          {"userId", kOwnerId},
                          {"submittedAt", kNow},
                          {"thumbnailUrl", "https://i.ytimg.com/vi/abcdefghijk/hqdefault.jpg"},
                          {"location", "https://youtu.be/abcdefghijk"},
                          {"location_type", 0},
                          {"content_features", nullptr},
                          {"content_rating", nullptr},
                          {"category", nullptr},
                          {"language", nullptr},
                          {"youtubeVideoId", "abcdefghijk"},
                          {"updatedAt", kNow},
                          {"status", "READY"},
                          {"views", 0},
                          {"viewCount", 0},
                          {"averageRating", nullptr},
                          {"totalRatingsCount", 0},
                          {"is_deleted", false},
                          {"deleted_at", nullptr}}));
}

TEST_F(SubmissionRoutesTest, TheRequestTitleWins) {
  host_.data().queue_response(inserted_row({kNewVideoId}));
  host_.data().queue_response(inserted_row({kNewVideoId}));
  const auto response = submit({{"youtubeUrl", "https://www.youtube.com/shorts/abcdefghijk"}, {"title", "Mine"}});
  ASSERT_EQ(response.status, 202) << response.body;
  EXPECT_EQ(response_json(response)["title"], "Mine");
  EXPECT_EQ(response_json(response)["tags"], json::array());
  EXPECT_EQ(host_.data().calls()[0].command["insertOne"]["document"]["name"], "Mine");
}

TEST_F(SubmissionRoutesTest, AFailedListingInsertIsLoggedAndTheVideoStillAnswers202) {
  host_.data().queue_response(inserted_row({kNewVideoId}));  // latest_videos gets the fake's "database down"
  const auto response = submit({{"youtubeUrl", "https://youtu.be/abcdefghijk"}});
  EXPECT_EQ(response.status, 202);
  EXPECT_TRUE(host_.log().logged(plugin::testing::LogLevel::Error, "listing rows failed"));
}

TEST_F(SubmissionRoutesTest, AUrlWithoutAYouTubeIdIs400AndWritesNothing) {
  for (const char* url : {"https://example.com/watch?v=abcdefghijk", "https://m.youtube.com/watch?v=abcdefghijk"}) {
    const auto response = submit({{"youtubeUrl", url}});
    EXPECT_EQ(response.status, 400) << url;
    EXPECT_EQ(response_json(response)["detail"], "Invalid YouTube URL or unable to extract video ID");
  }
  EXPECT_TRUE(host_.data().calls().empty());
}

TEST_F(SubmissionRoutesTest, BodyProblemsAreOne422ListingEach) {
  const auto response = submit({{"youtubeUrl", "youtu.be/abcdefghijk"}, {"title", ""}, {"tags", "x"}});
  ASSERT_EQ(response.status, 422);
  const json issues = response_json(response)["detail"];
  ASSERT_EQ(issues.size(), 3U) << issues;
  EXPECT_EQ(issues[0]["type"], "url_parsing");
  EXPECT_EQ(issues[0]["loc"], json({"body", "youtubeUrl"}));
  EXPECT_EQ(issues[1]["type"], "string_too_short");
  EXPECT_EQ(issues[2]["type"], "list_type");
}

TEST_F(SubmissionRoutesTest, MissingOverlongAndNonHttpUrlsAre422) {
  EXPECT_EQ(response_json(submit(json::object()))["detail"][0]["type"], "missing");
  EXPECT_EQ(response_json(submit({{"youtubeUrl", "ftp://youtu.be/abcdefghijk"}}))["detail"][0]["type"], "url_scheme");
  const std::string long_url = "https://youtu.be/abcdefghijk?" + std::string(2083, 'x');
  EXPECT_EQ(response_json(submit({{"youtubeUrl", long_url}}))["detail"][0]["type"], "url_too_long");
}

TEST_F(SubmissionRoutesTest, TagsAreLimitedInNumberAndLengthAndNothingIsWritten) {
  const json too_many = response_json(submit({{"youtubeUrl", "https://youtu.be/abcdefghijk"},
                                              {"tags", std::vector<std::string>(51, "t")}}))["detail"];
  ASSERT_EQ(too_many.size(), 1U) << too_many;
  EXPECT_EQ(too_many[0]["type"], "too_long");
  EXPECT_EQ(too_many[0]["loc"], json({"body", "tags"}));

  const json bad = response_json(submit({{"youtubeUrl", "https://youtu.be/abcdefghijk"},
                                         {"tags", {"ok", "", std::string(51, 'x'), std::string(50, 'y')}}}))["detail"];
  ASSERT_EQ(bad.size(), 2U) << bad;
  EXPECT_EQ(bad[0]["type"], "string_too_short");
  EXPECT_EQ(bad[0]["loc"], json({"body", "tags", 1}));
  EXPECT_EQ(bad[1]["type"], "string_too_long");
  EXPECT_EQ(bad[1]["loc"], json({"body", "tags", 2}));
  EXPECT_TRUE(host_.data().calls().empty());
}

TEST_F(SubmissionRoutesTest, PreviewWithoutOEmbedIsTheMockTitle) {
  const auto response = host_.call(Method::Post, "/api/v1/videos/preview", {{"youtubeUrl", "https://youtu.be/abcdefghijk"}});
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(response_json(response), json({{"title", "Generic Video abcdefghijk"}}));
}

TEST_F(SubmissionRoutesTest, PreviewOfABadUrlIs400) {
  const auto response = host_.call(Method::Post, "/api/v1/videos/preview", {{"youtubeUrl", "https://example.com/x"}});
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(response_json(response)["detail"], "Invalid YouTube URL or unable to extract video ID");
}

}  // namespace
}  // namespace killrvideo::catalog
