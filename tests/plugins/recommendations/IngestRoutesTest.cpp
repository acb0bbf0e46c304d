#include <gtest/gtest.h>

#include "killrvideo/plugin/testing/FakeHost.h"
#include "killrvideo/plugin/testing/ResponseJson.h"

#include "RecommendationsPlugin.h"
#include "RecommendationsTestSupport.h"

namespace killrvideo::recommendations {
namespace {

using nlohmann::json;
using plugin::Method;
using plugin::testing::FakeHost;
using plugin::testing::response_json;
using namespace testing;

constexpr const char* kIngestPath = "/api/v1/reco/ingest";

plugin::Principal creator() { return {kUserId, {"creator"}}; }

json ingest_body(const std::string& video_id, const std::vector<float>& vector) {
  return {{"videoId", video_id}, {"vector", vector}};
}

class IngestRoutesTest : public ::testing::Test {
 protected:
  IngestRoutesTest() { host_.load<RecommendationsPlugin>(); }

  FakeHost host_{"recommendations"};
};

TEST_F(IngestRoutesTest, AVectorOfTheColumnsDimensionIsPublishedForTheCatalogAndReadBack) {
  const std::vector<float> vector = axis_vector(7, 0.25F);
  host_.data().queue_response(found_one(video_row(kIdA, "Video")));
  host_.data().queue_response(found_one(video_row(kIdA, "Video", vector)));
  const auto response = host_.call(Method::Post, kIngestPath, ingest_body(kIdA, vector), creator());
  ASSERT_EQ(response.status, 202) << response.failure;
  EXPECT_EQ(response_json(response), json({{"videoId", kIdA}, {"status", "stored"},
                                           {"message", "Embedding stored in videos.content_features."}}));

  const auto published = host_.events().published();
  ASSERT_EQ(published.size(), 1U);
  EXPECT_EQ(published[0].topic, "video.embedding.ingested");
  EXPECT_EQ(published[0].payload["videoId"], kIdA);
  EXPECT_EQ(published[0].payload["vector"].get<std::vector<float>>(), vector);
  // No write of its own: the catalog owns `videos`.
  for (const auto& call : host_.data().calls()) EXPECT_TRUE(call.command.contains("findOne")) << call.command.dump();
}

TEST_F(IngestRoutesTest, AnUpperCaseVideoIdIsTheSameVideo) {
  std::string upper = kIdA;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  host_.data().queue_response(found_one(video_row(kIdA, "Video")));
  host_.data().queue_response(found_one(video_row(kIdA, "Video", axis_vector(0))));
  const auto response = host_.call(Method::Post, kIngestPath, ingest_body(upper, axis_vector(0)), creator());
  ASSERT_EQ(response.status, 202) << response.failure;
  EXPECT_EQ(host_.data().calls()[0].command["findOne"]["filter"], OJson({{"videoid", kIdA}}));
}

TEST_F(IngestRoutesTest, AnUnknownVideoIs404) {
  host_.data().queue_response(found_none());
  const auto response = host_.call(Method::Post, kIngestPath, ingest_body(kIdB, axis_vector(0)), creator());
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response_json(response)["detail"], std::string("Video ") + kIdB + " not found.");
  EXPECT_TRUE(host_.events().published().empty());
}

TEST_F(IngestRoutesTest, AVectorOfAnotherLengthIs400NamingBothLengths) {
  host_.data().queue_response(found_one(video_row(kIdA, "Video")));
  const auto response = host_.call(Method::Post, kIngestPath, ingest_body(kIdA, {0.1F, 0.2F, 0.3F}), creator());
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(response_json(response)["detail"], "The vector has 3 components; videos.content_features has 384.");
  EXPECT_TRUE(host_.events().published().empty());
}

TEST_F(IngestRoutesTest, AZeroVectorIs400) {
  host_.data().queue_response(found_one(video_row(kIdA, "Video")));
  const auto response = host_.call(Method::Post, kIngestPath, ingest_body(kIdA, std::vector<float>(384, 0.0F)), creator());
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(response_json(response)["detail"], "The vector is all zeros: cosine similarity is undefined for it.");
}

TEST_F(IngestRoutesTest, AVectorTheCatalogDidNotStoreIs503) {
  host_.data().queue_response(found_one(video_row(kIdA, "Video")));
  host_.data().queue_response(found_one(video_row(kIdA, "Video")));
  const auto response = host_.call(Method::Post, kIngestPath, ingest_body(kIdA, axis_vector(0)), creator());
  EXPECT_EQ(response.status, 503);
  EXPECT_EQ(response_json(response)["detail"],
            std::string("The embedding of video ") + kIdA + " was not stored. Please try again later.");
}

TEST_F(IngestRoutesTest, BadBodiesAre422WithEveryIssue) {
  const auto both = host_.call(Method::Post, kIngestPath, json({{"videoId", "nope"}, {"vector", "nope"}}), creator());
  EXPECT_EQ(both.status, 422);
  const json detail = response_json(both)["detail"];
  ASSERT_EQ(detail.size(), 2U);
  EXPECT_EQ(detail[0]["type"], "uuid_parsing");
  EXPECT_EQ(detail[0]["loc"], json({"body", "videoId"}));
  EXPECT_EQ(detail[1]["type"], "list_type");
  EXPECT_EQ(detail[1]["loc"], json({"body", "vector"}));

  const auto missing = host_.call(Method::Post, kIngestPath, json::object(), creator());
  EXPECT_EQ(missing.status, 422);
  EXPECT_EQ(response_json(missing)["detail"][0]["type"], "missing");
  EXPECT_EQ(response_json(missing)["detail"].size(), 2U);

  const auto strings = host_.call(Method::Post, kIngestPath, json({{"videoId", kIdA}, {"vector", {1, "x"}}}), creator());
  EXPECT_EQ(response_json(strings)["detail"][0]["loc"], json({"body", "vector", 1}));
  EXPECT_TRUE(host_.data().calls().empty());
}

}  // namespace
}  // namespace killrvideo::recommendations
