// Events from catalog and comments_ratings become user_activity rows (api-contract §5.11).
#include "AccountsPlugin.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "ExpectedCalls.h"
#include "killrvideo/plugin/testing/DataReplies.h"
#include "killrvideo/plugin/testing/FakeHost.h"

namespace {

using killrvideo::accounts::AccountsPlugin;
using killrvideo::plugin::testing::FakeHost;
using nlohmann::json;
using nlohmann::ordered_json;
using namespace killrvideo::accounts::testing;
using namespace killrvideo::plugin::testing::replies;

constexpr const char* kUserId = "7777b733-a6b8-47e7-83ad-bc2739ae9954";
constexpr const char* kVideoId = "1b0b5c3e-7a5e-4c4f-9d0a-3f2e1d0c9b8a";
constexpr const char* kCommentId = "5a3e2c10-49f1-11f0-8000-000000000001";
constexpr const char* kFirstTimeuuid = "00000001-0000-1000-8000-000000000000";
constexpr const char* kNilUuid = "00000000-0000-0000-0000-000000000000";

ordered_json activity_insert(const char* user, const char* day, const char* type, const char* timestamp, const char* id) {
  return {{"insertOne",
           {{"document",
             {{"userid", user},
              {"day", day},
              {"activity_type", type},
              {"activity_timestamp", timestamp},
              {"activity_id", id},
              {"videoid", kVideoId}}}}}};
}

class ActivityWriterTest : public ::testing::Test {
 protected:
  ActivityWriterTest() { host_.load<AccountsPlugin>(); }
  FakeHost host_{"accounts"};
};

TEST_F(ActivityWriterTest, AViewIsRecordedWithAFreshTimeuuidInTheDayPartitionOfTheView) {
  host_.data().queue_response(inserted_row({kUserId}));

  host_.publish("video.viewed", {{"videoId", kVideoId}, {"userId", kUserId}, {"viewedAt", "2025-06-15T10:00:00.123456Z"}});

  EXPECT_TRUE(host_.events().failures().empty());
  expect_calls(host_, {call("user_activity",
                            activity_insert(kUserId, "2025-06-15", "view", "2025-06-15T10:00:00.123Z", kFirstTimeuuid))});
}

TEST_F(ActivityWriterTest, AnAnonymousViewIsRecordedUnderTheNilUuid) {
  host_.data().queue_response(inserted_row({kNilUuid}));

  host_.publish("video.viewed", {{"videoId", kVideoId}, {"userId", kNilUuid}, {"viewedAt", "2025-06-15T10:00:00Z"}});

  EXPECT_TRUE(host_.events().failures().empty());
  EXPECT_EQ(host_.data().calls().at(0).command["insertOne"]["document"]["userid"], kNilUuid);
}

TEST_F(ActivityWriterTest, ACommentIsRecordedUnderTheCommentsId) {
  host_.data().queue_response(inserted_row({kUserId}));

  host_.publish("comment.added",
                {{"commentId", kCommentId}, {"videoId", kVideoId}, {"userId", kUserId}, {"addedAt", "2025-06-15T10:00:00Z"}});

  EXPECT_TRUE(host_.events().failures().empty());
  expect_calls(host_, {call("user_activity",
                            activity_insert(kUserId, "2025-06-15", "comment", "2025-06-15T10:00:00.000Z", kCommentId))});
}

TEST_F(ActivityWriterTest, ARatingIsRecordedOnTheUtcDayOfItsTime) {
  host_.data().queue_response(inserted_row({kUserId}));

  host_.publish("video.rated", {{"videoId", kVideoId},
                                {"userId", kUserId},
                                {"rating", 4},
                                {"previousRating", nullptr},
                                {"ratedAt", "2025-06-15T23:30:00-02:00"}});

  EXPECT_TRUE(host_.events().failures().empty());
  expect_calls(host_, {call("user_activity",
                            activity_insert(kUserId, "2025-06-16", "rate", "2025-06-16T01:30:00.000Z", kFirstTimeuuid))});
}

TEST_F(ActivityWriterTest, AMalformedEventFailsNamingTheFieldAndWritesNothing) {
  host_.publish("video.viewed", {{"videoId", kVideoId}, {"userId", "someone"}, {"viewedAt", "2025-06-15T10:00:00Z"}});
  host_.publish("comment.added", {{"commentId", kCommentId}, {"videoId", kVideoId}, {"userId", kUserId}});
  host_.publish("video.rated", {{"videoId", kVideoId}, {"userId", kUserId}, {"ratedAt", "yesterday"}});

  const auto failures = host_.events().failures();
  ASSERT_EQ(failures.size(), 3u);
  EXPECT_EQ(failures[0].topic, "video.viewed");
  EXPECT_EQ(failures[0].failure, "video.viewed: `userId` 'someone' is not a UUID");
  EXPECT_EQ(failures[1].failure, "comment.added: `addedAt` must be a string");
  EXPECT_EQ(failures[2].failure, "video.rated: `ratedAt` 'yesterday' is not ISO-8601");
  EXPECT_TRUE(host_.data().calls().empty());
}

TEST_F(ActivityWriterTest, AStoreFailureFailsTheDeliveryOnly) {
  host_.publish("video.viewed", {{"videoId", kVideoId}, {"userId", kUserId}, {"viewedAt", "2025-06-15T10:00:00Z"}});

  const auto failures = host_.events().failures();
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_NE(failures[0].failure.find("no response queued"), std::string::npos) << failures[0].failure;
}

}  // namespace
