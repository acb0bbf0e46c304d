// Activity written from a real event: the catalog plugin publishes `video.viewed` when a video is viewed,
// and the accounts plugin records it in the viewer's day partition (api-contract §5.11).

#include <chrono>
#include <regex>
#include <thread>

#include <gtest/gtest.h>

#include "tests/integration/accounts/AccountsServer.h"

namespace killrvideo::testing {
namespace {

using nlohmann::json;

constexpr const char* kNilUuid = "00000000-0000-0000-0000-000000000000";

class ViewActivityTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // catalog with its default config: oEmbed disabled, so submitting a video needs no network.
    server_ = new ServerProcess(test_config("  - { name: accounts }\n  - { name: catalog }\n", "",
                                            "default_roles: [viewer, creator]", kEmbeddedDatabase));
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  std::string submit_video(const std::string& token) {
    const auto response =
        client_.post("/api/v1/videos", R"({"youtubeUrl":"https://youtu.be/abcdefghijk"})", {bearer(token)});
    EXPECT_EQ(response.status, 202) << response.body;
    return response.json()["videoId"];
  }

  HttpResponse view(const std::string& video_id, const std::vector<std::string>& headers = {}) {
    return client_.request("POST", "/api/v1/videos/id/" + video_id + "/view", "", headers);
  }

  HttpClient client_{server_->base_url()};
  static ServerProcess* server_;
};
ServerProcess* ViewActivityTest::server_ = nullptr;

TEST_F(ViewActivityTest, AViewAppearsInTheViewersActivityWithBothSpellings) {
  const json login = signed_up(client_, unique_email("viewer"));
  const std::string token = login["token"];
  const std::string user_id = login["user"]["userId"];
  const std::string video_id = submit_video(token);

  ASSERT_EQ(view(video_id, {bearer(token)}).status, 204);

  const auto response = client_.get("/api/v1/users/" + user_id + "/activity");
  ASSERT_EQ(response.status, 200) << response.body;
  const json body = response.json();
  EXPECT_EQ(body["pagination"], json({{"currentPage", 1}, {"pageSize", 10}, {"totalItems", 1}, {"totalPages", 1}}));
  ASSERT_EQ(body["data"].size(), 1u);
  const json item = body["data"][0];
  const json id = item["activity_id"];
  const json timestamp = item["activity_timestamp"];
  EXPECT_TRUE(std::regex_match(timestamp.get<std::string>(), std::regex(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)")))
      << timestamp;
  EXPECT_EQ(item, json({{"userId", user_id},
                        {"activityType", "view"},
                        {"activityId", id},
                        {"activityTimestamp", timestamp},
                        {"userid", user_id},
                        {"activity_type", "view"},
                        {"activity_id", id},
                        {"activity_timestamp", timestamp},
                        {"videoid", video_id}}));
}

TEST_F(ViewActivityTest, ViewsListNewestFirstAndFilterByType) {
  const json login = signed_up(client_, unique_email("twice"));
  const std::string token = login["token"];
  const std::string user_id = login["user"]["userId"];
  const std::string first = submit_video(token);
  const std::string second = submit_video(token);
  ASSERT_EQ(view(first, {bearer(token)}).status, 204);
  // Activity timestamps have millisecond resolution: the two views must not share one.
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  ASSERT_EQ(view(second, {bearer(token)}).status, 204);

  const json views = client_.get("/api/v1/users/" + user_id + "/activity?activity_type=view").json();
  ASSERT_EQ(views["data"].size(), 2u) << views;
  EXPECT_EQ(views["data"][0]["videoid"], second);
  EXPECT_EQ(views["data"][1]["videoid"], first);

  const json second_page = client_.get("/api/v1/users/" + user_id + "/activity?page=2&pageSize=1").json();
  EXPECT_EQ(second_page["data"][0]["videoid"], first);
  EXPECT_EQ(second_page["pagination"], json({{"currentPage", 2}, {"pageSize", 1}, {"totalItems", 2}, {"totalPages", 2}}));

  const json comments = client_.get("/api/v1/users/" + user_id + "/activity?activity_type=comment").json();
  EXPECT_EQ(comments["data"], json::array());
}

TEST_F(ViewActivityTest, AnAnonymousViewIsRecordedUnderTheNilUuid) {
  const std::string video_id = submit_video(signed_up(client_, unique_email("uploader"))["token"]);

  ASSERT_EQ(view(video_id).status, 204);

  const json anonymous = client_.get(std::string("/api/v1/users/") + kNilUuid + "/activity?pageSize=100").json();
  bool found = false;
  for (const auto& item : anonymous["data"]) found = found || item["videoid"] == video_id;
  EXPECT_TRUE(found) << anonymous;
}

}  // namespace
}  // namespace killrvideo::testing
