// The fakes behind FakeHost's HostServices.
#include <cmath>
#include <stdexcept>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "killrvideo/plugin/Validation.h"
#include "killrvideo/plugin/testing/FakeHost.h"

namespace {

using killrvideo::plugin::testing::FakeAuthService;
using killrvideo::plugin::testing::FakeClock;
using killrvideo::plugin::testing::FakeDataClient;
using killrvideo::plugin::testing::FakeEmbedder;
using killrvideo::plugin::testing::FakeHost;
using killrvideo::plugin::testing::FakeIdGenerator;
using killrvideo::plugin::testing::FakeLogger;
using killrvideo::plugin::testing::LogLevel;
using nlohmann::json;

TEST(FakeDataClient, AnswersUnscriptedCommandsWithUnavailableDatabase) {
  FakeDataClient data;
  const json response = data.execute("videos", {{"findOne", {{"filter", {{"videoid", "x"}}}}}});
  ASSERT_TRUE(response.contains("errors"));
  EXPECT_EQ(response["errors"][0]["errorCode"], "UNAVAILABLE_DATABASE");
  EXPECT_EQ(response["errors"][0]["family"], "SERVER");
  EXPECT_EQ(response["errors"][0]["scope"], "DATABASE");
  EXPECT_FALSE(response.contains("data"));
}

TEST(FakeDataClient, AnswersWithQueuedResponsesInOrderAndRecordsEveryCall) {
  FakeDataClient data;
  data.queue_response({{"status", {{"ok", 1}}}});
  data.queue_response({{"data", {{"document", nullptr}}}});

  EXPECT_EQ(data.execute("", {{"createTable", {{"name", "t"}}}}), nlohmann::ordered_json({{"status", {{"ok", 1}}}}));
  EXPECT_EQ(data.unanswered_responses(), 1u);
  EXPECT_EQ(data.execute("t", {{"findOne", nlohmann::ordered_json::object()}}), nlohmann::ordered_json({{"data", {{"document", nullptr}}}}));
  EXPECT_EQ(data.execute("t", {{"findOne", json::object()}})["errors"][0]["errorCode"], "UNAVAILABLE_DATABASE");

  const auto calls = data.calls();
  ASSERT_EQ(calls.size(), 3u);
  EXPECT_EQ(calls[0].target, "");
  EXPECT_EQ(calls[0].command, nlohmann::ordered_json({{"createTable", {{"name", "t"}}}}));
  EXPECT_EQ(calls[2].target, "t");
}

TEST(FakeEventBus, DeliversAPluginsOwnPublishToItsSubscriptionsAndRecordsIt) {
  FakeHost host("events");
  std::vector<json> received;
  host.subscribe("video.viewed", [&](const std::string&, const json& payload) { received.push_back(payload); });

  host.events().publish("video.viewed", {{"videoId", "v1"}});
  host.events().publish("video.rated", {{"videoId", "v1"}});

  EXPECT_EQ(received, std::vector<json>{json({{"videoId", "v1"}})});
  const auto published = host.events().published();
  ASSERT_EQ(published.size(), 2u);
  EXPECT_EQ(published[0].topic, "video.viewed");
  EXPECT_EQ(published[1].topic, "video.rated");
}

TEST(FakeEventBus, AFailingSubscriberIsRecordedAndTheOthersStillReceive) {
  FakeHost host("events");
  int later_deliveries = 0;
  host.subscribe("t", [](const std::string&, const json&) { throw std::runtime_error("subscriber broke"); });
  host.subscribe("t", [&](const std::string&, const json&) { ++later_deliveries; });

  host.events().publish("t", nullptr);

  EXPECT_EQ(later_deliveries, 1);
  const auto failures = host.events().failures();
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_EQ(failures[0].topic, "t");
  EXPECT_EQ(failures[0].failure, "subscriber broke");
}

TEST(FakeEventBus, HostPublishDeliversWithoutRecordingAPublish) {
  FakeHost host("events");
  int deliveries = 0;
  host.subscribe("t", [&](const std::string&, const json&) { ++deliveries; });

  host.publish("t", nullptr);

  EXPECT_EQ(deliveries, 1);
  EXPECT_TRUE(host.events().published().empty());
}

TEST(FakeAuthService, IssuesPredictableTokensAndHashes) {
  FakeAuthService auth;
  EXPECT_EQ(auth.issue_token("u1", {"viewer", "creator"}), "token-for:u1");
  ASSERT_EQ(auth.issued_tokens().size(), 1u);
  EXPECT_EQ(auth.issued_tokens()[0].roles, (std::vector<std::string>{"viewer", "creator"}));

  const std::string hash = auth.hash_password("s3cret");
  EXPECT_EQ(hash, "fake-hash:s3cret");
  EXPECT_TRUE(auth.verify_password("s3cret", hash));
  EXPECT_FALSE(auth.verify_password("S3cret", hash));
  EXPECT_FALSE(auth.verify_password("s3cret", "s3cret"));
}

TEST(FakeClock, MovesOnlyWhenTold) {
  FakeClock clock;
  EXPECT_EQ(clock.now_ms(), 1'750'000'000'000);
  clock.advance_ms(1500);
  EXPECT_EQ(clock.now_ms(), 1'750'000'001'500);
  clock.set_now_ms(42);
  EXPECT_EQ(clock.now_ms(), 42);
}

TEST(FakeIdGenerator, Uuid4sAreSequentialVersion4) {
  FakeIdGenerator ids;
  EXPECT_EQ(ids.uuid4(), "00000000-0000-4000-8000-000000000001");
  const std::string second = ids.uuid4();
  EXPECT_EQ(second, "00000000-0000-4000-8000-000000000002");
  EXPECT_TRUE(killrvideo::plugin::is_canonical_uuid(second));
}

TEST(FakeIdGenerator, TimeuuidsAreSequentialVersion1) {
  FakeIdGenerator ids;
  EXPECT_EQ(ids.timeuuid(), "00000001-0000-1000-8000-000000000000");
  for (int i = 0; i < 9; ++i) ids.timeuuid();
  const std::string eleventh = ids.timeuuid();
  EXPECT_EQ(eleventh, "0000000b-0000-1000-8000-000000000000");
  EXPECT_TRUE(killrvideo::plugin::is_canonical_uuid(eleventh));
}

TEST(FakeLogger, KeepsEveryLineWithItsLevel) {
  FakeLogger log;
  log.info("started");
  log.error("write failed: timeout");

  ASSERT_EQ(log.lines().size(), 2u);
  EXPECT_EQ(log.lines()[1].level, LogLevel::Error);
  EXPECT_EQ(log.lines()[1].message, "write failed: timeout");
  EXPECT_TRUE(log.logged(LogLevel::Error, "timeout"));
  EXPECT_FALSE(log.logged(LogLevel::Warn, "timeout"));
}

double norm(const std::vector<float>& vector) {
  double squares = 0;
  for (float x : vector) squares += static_cast<double>(x) * x;
  return std::sqrt(squares);
}

TEST(FakeEmbedder, GivesNormalisedVectorsOfItsDimension) {
  FakeEmbedder embedder(8);
  const auto embedding = embedder.embed("cats on skateboards");
  EXPECT_EQ(embedder.dimension(), 8u);
  EXPECT_TRUE(embedding.error.empty());
  ASSERT_EQ(embedding.vector.size(), 8u);
  EXPECT_NEAR(norm(embedding.vector), 1.0, 1e-6);
  EXPECT_NEAR(norm(embedder.embed("").vector), 1.0, 1e-6);
}

TEST(FakeEmbedder, SameTextSameVectorOtherTextOtherVector) {
  FakeEmbedder embedder;
  EXPECT_EQ(embedder.dimension(), 384u);
  EXPECT_EQ(embedder.embed("a").vector, embedder.embed("a").vector);
  EXPECT_EQ(FakeEmbedder(384).embed("a").vector, embedder.embed("a").vector);
  EXPECT_NE(embedder.embed("a").vector, embedder.embed("b").vector);
}

TEST(FakeEmbedder, QueriesAndManyDocumentsGetTheVectorsOfEmbed) {
  FakeEmbedder embedder(8);
  EXPECT_EQ(embedder.embed_query("a").vector, embedder.embed("a").vector);
  const auto embeddings = embedder.embed_documents({"a", "b"});
  ASSERT_EQ(embeddings.size(), 2u);
  EXPECT_EQ(embeddings[0].vector, embedder.embed("a").vector);
  EXPECT_EQ(embeddings[1].vector, embedder.embed("b").vector);
}

TEST(FakeEmbedder, RefusesDimensionZero) { EXPECT_THROW(FakeEmbedder(0), std::invalid_argument); }

}  // namespace
