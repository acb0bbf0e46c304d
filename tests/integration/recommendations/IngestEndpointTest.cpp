// Embedding ingest through the real server: the catalog stores the vector through its event, and
// related videos and the feed use it on the next request; every refusal with its detail.

#include <gtest/gtest.h>

#include <algorithm>

#include "tests/integration/recommendations/RecommendationsServer.h"

namespace killrvideo::testing::recommendations {
namespace {

using nlohmann::json;

constexpr const char* kIngestPath = "/api/v1/reco/ingest";
constexpr const char* kCookFanId = "4d4d4d4d-0000-4000-8000-000000000004";

class IngestEndpointTest : public TopicServerTest<IngestEndpointTest> {
 protected:
  json content_features(const std::string& video_id) {
    return client_.get(video_path(video_id)).json()["content_features"];
  }

  HttpResponse ingest(const json& body) { return client_.post(kIngestPath, body.dump(), {creator()}); }
};

TEST_F(IngestEndpointTest, AnIngestedVectorIsStoredAndUsedByRelatedAndTheFeedAtOnce) {
  // The cook has watched one cooking video; a database video is given a cooking video's vector.
  ASSERT_EQ(client_.post(video_path(cooking_ids_[0]) + "/view", "", {bearer(kCookFanId, {"viewer"})}).status, 204);
  const json cooking_vector = content_features(cooking_ids_[1]);
  ASSERT_EQ(cooking_vector.size(), 384U);

  const auto response = ingest({{"videoId", database_ids_[0]}, {"vector", cooking_vector}});
  ASSERT_EQ(response.status, 202) << response.body;
  EXPECT_EQ(response.json(), json({{"videoId", database_ids_[0]}, {"status", "stored"},
                                   {"message", "Embedding stored in videos.content_features."}}));
  EXPECT_EQ(content_features(database_ids_[0]), cooking_vector);

  // Same vector, same place: each is the other's nearest neighbour, at similarity 1.
  const json related = client_.get(video_path(cooking_ids_[1]) + "/related?limit=1").json();
  EXPECT_EQ(related[0]["videoId"], database_ids_[0]);
  EXPECT_NEAR(related[0]["score"].get<double>(), 1.0, 1e-6);

  // In the cook's feed the oldest database video, now with a cooking vector, is among the cooking videos:
  // the newest-first fallback would have put it last.
  const json feed = client_.get("/api/v1/recommendations/foryou?pageSize=20", {bearer(kCookFanId, {"viewer"})}).json();
  std::vector<std::string> ids;
  for (const auto& item : feed["data"]) ids.push_back(item["videoId"].get<std::string>());
  const auto moved = std::find(ids.begin(), ids.end(), database_ids_[0]);
  ASSERT_NE(moved, ids.end()) << feed.dump();
  EXPECT_LT(moved - ids.begin(), 6) << feed.dump();
  for (std::size_t i = 1; i < database_ids_.size(); ++i) {
    EXPECT_LT(moved, std::find(ids.begin(), ids.end(), database_ids_[i])) << feed.dump();
  }
}

TEST_F(IngestEndpointTest, AVectorOfAnotherLengthIs400NamingBothLengths) {
  const auto response = ingest({{"videoId", database_ids_[1]}, {"vector", {0.1, 0.2, 0.3}}});
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(response.json()["detail"], "The vector has 3 components; videos.content_features has 384.");
  EXPECT_EQ(response.json()["title"], "Bad Request");
  EXPECT_EQ(content_features(database_ids_[1]).size(), 384U);
}

TEST_F(IngestEndpointTest, AnUnknownVideoIs404WithTheContractsDetail) {
  const std::string unknown = "00000000-0000-4000-8000-00000000dead";
  const auto response = ingest({{"videoId", unknown}, {"vector", std::vector<float>(384, 0.1F)}});
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response.json()["detail"], "Video " + unknown + " not found.");
  // The catalog created no row for it.
  EXPECT_EQ(client_.get(video_path(unknown)).status, 404);
}

TEST_F(IngestEndpointTest, AZeroVectorIs400AndMalformedBodiesAre422) {
  EXPECT_EQ(ingest({{"videoId", database_ids_[0]}, {"vector", std::vector<float>(384, 0.0F)}}).status, 400);
  const auto malformed = ingest({{"videoId", "nope"}, {"vector", "nope"}});
  EXPECT_EQ(malformed.status, 422);
  EXPECT_EQ(malformed.json()["detail"].size(), 2U);
  const auto not_json = client_.post(kIngestPath, "{", {creator()});
  EXPECT_EQ(not_json.status, 422);
  EXPECT_EQ(not_json.json()["detail"][0]["type"], "json_invalid");
}

}  // namespace
}  // namespace killrvideo::testing::recommendations
