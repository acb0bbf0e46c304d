// Every moderation route for each kind of caller: anonymous, viewer, creator, moderator. Roles come from
// the configured defaults (one server of viewers, one of creators) and, for moderators, from
// `auth.moderators`.

#include <gtest/gtest.h>

#include "tests/integration/moderation/ModerationServer.h"

namespace killrvideo::testing::moderation {
namespace {

using nlohmann::json;

constexpr const char* kModeratorGateDetail = "User does not have any of the required roles: ['moderator']";

struct Route {
  const char* method;
  std::string path;
  std::string body;
  int anonymous;  // the status each caller gets
  int member;
  int moderator;
};

// One server, a video on it and a flag on that video, made by the moderator.
struct Stage {
  explicit Stage(const std::string& default_roles) : server(server_config(default_roles)) {
    HttpClient client(server.base_url());
    moderator = sign_up(client, kModeratorEmail);
    video_id = comments_ratings::submit_video(client, moderator);
    flag_id = flag(client, moderator, "video", video_id).json()["flagId"];
  }

  std::vector<Route> routes() const {
    const std::string flag_body = json({{"contentType", "video"}, {"contentId", video_id}, {"reasonCode", "spam"}}).dump();
    // Review is repeatable: under_review may move to under_review again.
    return {{"POST", "/api/v1/flags", flag_body, 401, 201, 201},
            {"GET", "/api/v1/moderation/flags?page=1&pageSize=100", "", 401, 403, 200},
            {"GET", "/api/v1/moderation/flags?page=1&pageSize=100&status=open", "", 401, 403, 200},
            {"GET", "/api/v1/moderation/flags/" + flag_id, "", 401, 403, 200},
            {"POST", "/api/v1/moderation/flags/" + flag_id + "/action", R"({"status":"under_review"})", 401, 403, 200},
            {"GET", "/api/v1/moderation/audit?contentId=" + video_id, "", 401, 403, 200}};
  }

  void expect_matrix(const std::vector<std::string>& headers, int Route::*expected) const {
    HttpClient client(server.base_url());
    for (const auto& route : routes()) {
      const auto response = client.request(route.method, route.path, route.body, headers);
      EXPECT_EQ(response.status, route.*expected) << route.method << " " << route.path << " " << response.body;
      if (response.status == 401) {
        EXPECT_EQ(response.json()["detail"], "Not authenticated");
      }
      if (response.status == 403) {
        EXPECT_EQ(response.json()["detail"], kModeratorGateDetail);
      }
    }
  }

  ServerProcess server;
  Member moderator;
  std::string video_id;
  std::string flag_id;
};

class RoleMatrixTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    viewers_ = new Stage("[viewer]");
    creators_ = new Stage("[creator]");
  }
  static void TearDownTestSuite() {
    delete viewers_;
    delete creators_;
    viewers_ = creators_ = nullptr;
  }

  static Stage* viewers_;
  static Stage* creators_;
};
Stage* RoleMatrixTest::viewers_ = nullptr;
Stage* RoleMatrixTest::creators_ = nullptr;

TEST_F(RoleMatrixTest, AnonymousCallersReachNothing) { viewers_->expect_matrix({}, &Route::anonymous); }

TEST_F(RoleMatrixTest, ViewersFlagButDoNotModerate) {
  HttpClient client(viewers_->server.base_url());
  const json login = signed_up(client, unique_email("viewer"));
  ASSERT_EQ(login["user"]["roles"], json({"viewer"}));
  viewers_->expect_matrix({bearer(login["token"])}, &Route::member);
}

TEST_F(RoleMatrixTest, CreatorsFlagButDoNotModerate) {
  HttpClient client(creators_->server.base_url());
  const json login = signed_up(client, unique_email("creator"));
  ASSERT_EQ(login["user"]["roles"], json({"creator"}));
  creators_->expect_matrix({bearer(login["token"])}, &Route::member);
}

TEST_F(RoleMatrixTest, ModeratorsReachEveryRoute) {
  viewers_->expect_matrix({viewers_->moderator.authorization}, &Route::moderator);
}

TEST_F(RoleMatrixTest, BadInputIsNeverA500) {
  HttpClient client(viewers_->server.base_url());
  const std::vector<std::string> as_moderator = {viewers_->moderator.authorization};
  const std::string action = "/api/v1/moderation/flags/" + viewers_->flag_id + "/action";
  const std::vector<std::pair<std::string, std::string>> posts = {
      {"/api/v1/flags", "{not json"},
      {"/api/v1/flags", "[]"},
      {"/api/v1/flags", R"({"contentType":"video","contentId":42,"reasonCode":"spam"})"},
      {"/api/v1/flags", R"({"contentType":"video","contentId":"x","reasonCode":"spam","reasonText":7})"},
      {action, R"({"status":null})"},
      {action, R"({"status":"open","moderatorNotes":["a"]})"}};
  for (const auto& [path, body] : posts) {
    const auto response = client.post(path, body, as_moderator);
    EXPECT_EQ(response.status, 422) << path << " " << body << " " << response.body;
  }
  for (const char* path : {"/api/v1/moderation/flags?status=OPEN", "/api/v1/moderation/flags?pageSize=0",
                           "/api/v1/moderation/audit?contentId=", "/api/v1/moderation/audit?contentId=1&page=x"}) {
    EXPECT_EQ(client.get(path, as_moderator).status, 422) << path;
  }
  // Path ids that are not lowercase UUIDs do not match the route (api-contract §1.4).
  EXPECT_EQ(client.get("/api/v1/moderation/flags/NOT-A-UUID", as_moderator).status, 404);
}

}  // namespace
}  // namespace killrvideo::testing::moderation
