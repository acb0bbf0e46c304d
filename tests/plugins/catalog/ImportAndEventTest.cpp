#include <gtest/gtest.h>

#include "killrvideo/plugin/data/Vectors.h"
#include "killrvideo/plugin/testing/FakeHost.h"

#include "CatalogImporters.h"
#include "CatalogPlugin.h"
#include "CatalogTestSupport.h"
#include "killrvideo/plugin/testing/DataReplies.h"

namespace killrvideo::catalog {
namespace {

using nlohmann::json;
using plugin::testing::FakeHost;
using namespace testing;
using namespace plugin::testing::replies;

class ImportAndEventTest : public ::testing::Test {
 protected:
  ImportAndEventTest() { host_.load<CatalogPlugin>(); }

  FakeHost host_{"catalog"};
};

TEST_F(ImportAndEventTest, AFirstRatingCountsARaterAndItsStars) {
  host_.data().queue_response(updated());
  host_.publish("video.rated", {{"videoId", kVideoId}, {"userId", kOwnerId}, {"rating", 4}, {"previousRating", nullptr},
                                {"ratedAt", "2025-06-15T15:06:40Z"}});
  const auto calls = host_.data().calls();
  ASSERT_EQ(calls.size(), 1U);
  EXPECT_EQ(calls[0].target, "video_stats");
  EXPECT_EQ(calls[0].command, OJson({{"updateOne",
                                      {{"filter", {{"_id", kVideoId}}},
                                       {"update", {{"$inc", {{"rating_count", 1}, {"rating_total", 4}}}}},
                                       {"options", {{"upsert", true}}}}}}));
}

TEST_F(ImportAndEventTest, AReRateMovesOnlyTheTotal) {
  host_.data().queue_response(updated());
  host_.publish("video.rated", {{"videoId", kVideoId}, {"userId", kOwnerId}, {"rating", 5}, {"previousRating", 3},
                                {"ratedAt", "2025-06-15T15:06:40Z"}});
  EXPECT_EQ(host_.data().calls().at(0).command["updateOne"]["update"],
            OJson({{"$inc", {{"rating_count", 0}, {"rating_total", 2}}}}));
}

TEST_F(ImportAndEventTest, AMalformedRatingEventIsAFailedDeliveryNotACrash) {
  host_.publish("video.rated", {{"rating", 5}});
  EXPECT_TRUE(host_.data().calls().empty());
  EXPECT_EQ(host_.events().failures().size(), 1U);
}

TEST_F(ImportAndEventTest, AnIngestedEmbeddingIsStoredInTheVideosVectorColumn) {
  const std::vector<float> vector(host_.embedder().dimension(), 0.5F);
  host_.data().queue_response(found_one(stored_video()));
  host_.data().queue_response(updated());
  host_.publish("video.embedding.ingested", {{"videoId", kVideoId}, {"vector", vector}});
  ASSERT_TRUE(host_.events().failures().empty()) << host_.events().failures()[0].failure;
  const auto calls = host_.data().calls();
  ASSERT_EQ(calls.size(), 2U);
  EXPECT_EQ(calls[1].target, "videos");
  EXPECT_EQ(calls[1].command, OJson({{"updateOne",
                                      {{"filter", {{"videoid", kVideoId}}},
                                       {"update", {{"$set", {{"content_features", plugin::data::vector_to_json(vector)}}}}}}}}));
}

TEST_F(ImportAndEventTest, AnEmbeddingForAnUnknownVideoOrOfAnotherDimensionIsRefused) {
  host_.data().queue_response(found_none());
  host_.publish("video.embedding.ingested",
                {{"videoId", kVideoId}, {"vector", std::vector<float>(host_.embedder().dimension(), 0.5F)}});
  host_.publish("video.embedding.ingested", {{"videoId", kVideoId}, {"vector", {0.5, 0.5}}});
  EXPECT_EQ(host_.events().failures().size(), 2U);
  // One existence check, no write: an update would create a row holding only a vector.
  ASSERT_EQ(host_.data().calls().size(), 1U);
  EXPECT_TRUE(host_.data().calls()[0].command.contains("findOne"));
}

plugin::ImportRow sample_video_row() {
  return {{"videoid", "59530A4B-77E7-4CE4-A88D-0F11B3D61408"},
          {"added_date", "2025-08-28T05:04:35.000Z"},
          {"description", "Langflow in action"},
          {"location", "https://www.youtube.com/embed/L7V_woT8mbQ"},
          {"location_type", "1"},
          {"name", "Build AI-Powered Apps Faster with Langflow"},
          {"preview_image_location", "https://i.ytimg.com/vi/L7V_woT8mbQ/maxresdefault.jpg"},
          {"tags", R"({"astra","datastax"})"},
          {"userid", "55e2427e-a053-48dc-a807-83679ea76d1b"},
          {"content_rating", "G"},
          {"category", "Education"},
          {"language", ""}};
}

// The replies to one new video's import: no stored row, the video, the rows of latest, two tags and the
// uploader (one insertMany per table), and the months and days counts of each of those four feeds.
void queue_new_video_replies(plugin::testing::FakeDataClient& data) {
  data.queue_response(found({}));
  data.queue_response(inserted_rows({{"x"}}));
  data.queue_response(inserted_rows({{"x"}}));
  data.queue_response(inserted_rows({{"x"}, {"y"}}));
  data.queue_response(inserted_rows({{"x"}}));
  for (int feed = 0; feed < 4; ++feed) {
    data.queue_response(updated());
    data.queue_response(updated());
  }
}

TEST_F(ImportAndEventTest, ANewVideoRowBecomesAVideoAndItsListingRows) {
  queue_new_video_replies(host_.data());
  EXPECT_EQ(host_.import_row("videos", sample_video_row()), "");
  auto calls = host_.data().calls();
  ASSERT_EQ(calls.size(), 13U);
  EXPECT_EQ(calls[0].target, "videos");
  EXPECT_EQ(calls[0].command["find"]["filter"],
            OJson({{"videoid", {{"$in", {"59530a4b-77e7-4ce4-a88d-0f11b3d61408"}}}}}));
  calls.erase(calls.begin());
  const auto features =
      host_.embedder().embed("Build AI-Powered Apps Faster with Langflow\nLangflow in action\nastra datastax").vector;
  EXPECT_EQ(calls[0].target, "videos");
  EXPECT_EQ(calls[0].command["insertMany"]["documents"],
            OJson::array({OJson({{"videoid", "59530a4b-77e7-4ce4-a88d-0f11b3d61408"},
                                 {"userid", "55e2427e-a053-48dc-a807-83679ea76d1b"},
                                 {"added_date", "2025-08-28T05:04:35.000Z"},
                                 {"name", "Build AI-Powered Apps Faster with Langflow"},
                                 {"location", "https://www.youtube.com/embed/L7V_woT8mbQ"},
                                 {"location_type", 1},
                                 {"tags", {"astra", "datastax"}},
                                 {"status", "READY"},
                                 {"description", "Langflow in action"},
                                 {"preview_image_location", "https://i.ytimg.com/vi/L7V_woT8mbQ/maxresdefault.jpg"},
                                 {"content_rating", "G"},
                                 {"category", "Education"},
                                 {"youtube_video_id", "L7V_woT8mbQ"},
                                 {"content_features", plugin::data::vector_to_binary_json(features)}})}));
  EXPECT_EQ(calls[1].target, "latest_videos");
  EXPECT_EQ(calls[1].command["insertMany"]["documents"],
            OJson::array({OJson({{"day", "2025-08-28"},
                                 {"added_date", "2025-08-28T05:04:35.000Z"},
                                 {"videoid", "59530a4b-77e7-4ce4-a88d-0f11b3d61408"},
                                 {"name", "Build AI-Powered Apps Faster with Langflow"},
                                 {"preview_image_location", "https://i.ytimg.com/vi/L7V_woT8mbQ/maxresdefault.jpg"},
                                 {"userid", "55e2427e-a053-48dc-a807-83679ea76d1b"},
                                 {"content_rating", "G"},
                                 {"category", "Education"}})}));
  EXPECT_EQ(calls[2].target, "videos_by_tag");
  EXPECT_EQ(calls[2].command["insertMany"]["documents"].size(), 2U);
  EXPECT_EQ(calls[3].target, "videos_by_uploader");
  EXPECT_EQ(calls[4].command["updateOne"]["filter"], OJson({{"_id", "latest"}}));
  EXPECT_EQ(calls[4].command["updateOne"]["update"], OJson({{"$inc", {{"months.2025-08", 1}}}}));
  EXPECT_EQ(calls[5].command["updateOne"]["update"], OJson({{"$inc", {{"days.28", 1}}}}));
  ASSERT_EQ(host_.events().published().size(), 1U);
  EXPECT_EQ(host_.events().published()[0].topic, "video.added");
}

TEST_F(ImportAndEventTest, ABatchMovesEachCountOnceByItsTotal) {
  auto second = sample_video_row();
  second["videoid"] = "59530a4b-77e7-4ce4-a88d-0f11b3d61409";
  second["added_date"] = "2025-08-29T05:04:35.000Z";
  second["tags"] = R"({"astra"})";
  host_.data().queue_response(found({}));
  for (int table = 0; table < 4; ++table) host_.data().queue_response(inserted_rows({{"x"}, {"y"}}));
  for (int update = 0; update < 8; ++update) host_.data().queue_response(updated());

  EXPECT_EQ(host_.import_rows("videos", {sample_video_row(), second}), (std::vector<std::string>{"", ""}));

  const auto calls = host_.data().calls();
  ASSERT_EQ(calls.size(), 13U);  // latest, two tags and one uploader: a months and a days $inc each
  EXPECT_EQ(calls[5].command["updateOne"]["filter"], OJson({{"_id", "latest"}}));
  EXPECT_EQ(calls[5].command["updateOne"]["update"], OJson({{"$inc", {{"months.2025-08", 2}}}}));
  EXPECT_EQ(calls[6].command["updateOne"]["update"], OJson({{"$inc", {{"days.28", 1}, {"days.29", 1}}}}));
  EXPECT_EQ(calls[7].command["updateOne"]["filter"], OJson({{"_id", "tag:astra"}}));
  EXPECT_EQ(calls[7].command["updateOne"]["update"], OJson({{"$inc", {{"months.2025-08", 2}}}}));
  EXPECT_EQ(host_.events().published().size(), 2U);
}

TEST_F(ImportAndEventTest, ReImportingAnUnchangedVideoWritesNoListingRowAndNoCount) {
  queue_new_video_replies(host_.data());
  ASSERT_EQ(host_.import_row("videos", sample_video_row()), "");
  OJson stored = host_.data().calls().at(1).command["insertMany"]["documents"][0];
  stored.erase("content_features");
  const std::size_t before = host_.data().calls().size();
  host_.data().queue_response(found({stored}));
  host_.data().queue_response(inserted_rows({{"x"}}));
  EXPECT_EQ(host_.import_row("videos", sample_video_row()), "");
  EXPECT_EQ(host_.data().calls().size(), before + 2);
  EXPECT_EQ(host_.events().published().size(), 1U);  // the first import's video.added only
}

TEST_F(ImportAndEventTest, BadVideoRowsAreRefusedWithTheColumnNamed) {
  auto row = sample_video_row();
  row["added_date"] = "last week";
  EXPECT_EQ(host_.import_row("videos", row), "column 'added_date' must be an ISO-8601 timestamp, got 'last week'");
  row = sample_video_row();
  row["userid"] = "bob";
  EXPECT_EQ(host_.import_row("videos", row), "column 'userid' must be a UUID, got 'bob'");
  row = sample_video_row();
  row.erase("name");
  EXPECT_EQ(host_.import_row("videos", row), "column 'name' is missing");
  EXPECT_TRUE(host_.data().calls().empty());
}

TEST_F(ImportAndEventTest, PlaybackStatsSetTheViewCount) {
  host_.data().queue_response(updated());
  EXPECT_EQ(host_.import_row("video_playback_stats", {{"videoid", kVideoId}, {"views", "2689"}, {"total_play_time", "1"}}), "");
  EXPECT_EQ(host_.data().calls().at(0).command, OJson({{"updateOne",
                                                        {{"filter", {{"_id", kVideoId}}},
                                                         {"update", {{"$set", {{"views", 2689}}}}},
                                                         {"options", {{"upsert", true}}}}}}));
  EXPECT_EQ(host_.import_row("video_playback_stats", {{"videoid", kVideoId}, {"views", "many"}}),
            "column 'views' must be an integer, got 'many'");
}

TEST(TagSetTest, ReadsSetLiterals) {
  EXPECT_EQ(parse_tag_set(R"({"astra","datastax"})"), std::vector<std::string>({"astra", "datastax"}));
  EXPECT_EQ(parse_tag_set(R"({ "a b" , "c\"d" })"), std::vector<std::string>({"a b", "c\"d"}));
  EXPECT_EQ(parse_tag_set("{}"), std::vector<std::string>());
  EXPECT_EQ(parse_tag_set(""), std::vector<std::string>());
  EXPECT_THROW(parse_tag_set("astra,datastax"), std::invalid_argument);
  EXPECT_THROW(parse_tag_set("{astra}"), std::invalid_argument);
}

}  // namespace
}  // namespace killrvideo::catalog
