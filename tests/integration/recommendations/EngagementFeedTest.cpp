// The feed follows ratings and comments as well as views: the real server with accounts, catalog,
// comments_ratings and recommendations, signed-up members, and the events comments_ratings publishes.

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "tests/integration/recommendations/RecommendationsServer.h"

namespace killrvideo::testing::recommendations {
namespace {

using nlohmann::json;

std::string engagement_config() {
  return test_config("  - { name: accounts }\n  - { name: catalog }\n  - { name: comments_ratings }\n"
                     "  - { name: recommendations }\n",
                     "", "default_roles: [viewer, creator]", catalog::kEmbeddedDatabase);
}

// "Authorization: Bearer <token>" of a new member.
std::string signed_up(HttpClient& client, const std::string& email) {
  const json account = {{"firstName", "Test"}, {"lastName", "Member"}, {"email", email}, {"password", "password123"}};
  if (client.post("/api/v1/users/register", account.dump()).status != 201) throw std::runtime_error("register failed");
  const auto login = client.post("/api/v1/users/login", json({{"email", email}, {"password", "password123"}}).dump());
  return "Authorization: Bearer " + login.json()["token"].get<std::string>();
}

class EngagementFeedTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new ServerProcess(engagement_config());
    HttpClient client(server_->base_url());
    const std::string creator_token = signed_up(client, "creator@example.com");
    database_ids_ = submit_topic(client, databases(), creator_token);
    cooking_ids_ = submit_topic(client, cooking(), creator_token);
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  // How many of the first five videos of the member's feed belong to `topic`.
  std::size_t top_five_in(const std::string& member, const std::vector<std::string>& topic) {
    const auto response = client_.get("/api/v1/recommendations/foryou?pageSize=5", {member});
    EXPECT_EQ(response.status, 200) << response.body;
    const std::set<std::string> members(topic.begin(), topic.end());
    const json feed = response.json();
    std::size_t count = 0;
    for (const auto& item : feed["data"]) count += members.count(item["videoId"].get<std::string>());
    return count;
  }

  HttpClient client_{server_->base_url()};
  inline static ServerProcess* server_ = nullptr;
  inline static std::vector<std::string> database_ids_;
  inline static std::vector<std::string> cooking_ids_;
};

TEST_F(EngagementFeedTest, AHighRatingTurnsTheFeedTowardsTheRatedVideosTopic) {
  const std::string member = signed_up(client_, "rater@example.com");
  ASSERT_EQ(client_.post("/api/v1/videos/" + cooking_ids_[0] + "/ratings", R"({"rating":5})", {member}).status, 200);
  EXPECT_EQ(top_five_in(member, cooking_ids_), 5U);
  // The rating reached the catalog's counters too: related items carry it.
  const json related = client_.get(video_path(cooking_ids_[1]) + "/related?limit=20").json();
  const auto rated = std::find_if(related.begin(), related.end(), [&](const json& item) { return item["videoId"] == cooking_ids_[0]; });
  ASSERT_NE(rated, related.end());
  EXPECT_EQ((*rated)["averageRating"], 5.0);
}

TEST_F(EngagementFeedTest, ACommentTurnsTheFeedTowardsTheCommentedVideosTopic) {
  const std::string member = signed_up(client_, "commenter@example.com");
  const auto comment = client_.post("/api/v1/videos/" + database_ids_[0] + "/comments",
                                    R"({"text":"Clear explanation of partitions"})", {member});
  ASSERT_EQ(comment.status, 201) << comment.body;
  EXPECT_EQ(top_five_in(member, database_ids_), 5U);
}

TEST_F(EngagementFeedTest, ALowRatingAloneLeavesTheMemberWithTheLatestVideos) {
  const std::string member = signed_up(client_, "critic@example.com");
  ASSERT_EQ(client_.post("/api/v1/videos/" + database_ids_[0] + "/ratings", R"({"rating":2})", {member}).status, 200);
  const json page = client_.get("/api/v1/recommendations/foryou?pageSize=1", {member}).json();
  EXPECT_EQ(page["data"][0]["videoId"], cooking_ids_.back());
  EXPECT_EQ(page["pagination"]["totalItems"], 12);
}

}  // namespace
}  // namespace killrvideo::testing::recommendations
