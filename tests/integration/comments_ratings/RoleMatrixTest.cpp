// Every comments_ratings route for each kind of caller: anonymous, viewer, creator, moderator. Roles come
// from the configured defaults (one server of viewers, one of creators) and, for the moderator, from
// `auth.moderators`.

#include <gtest/gtest.h>

#include "tests/integration/comments_ratings/CommentsRatingsServer.h"

namespace killrvideo::testing::comments_ratings {
namespace {

using nlohmann::json;

constexpr const char* kModeratorGateDetail = "User does not have any of the required roles: ['moderator']";

enum class Caller { Anonymous, Member, Moderator };

struct Route {
  const char* method;
  std::string path;
  std::string body;
  int anonymous;  // the status each caller gets
  int member;
  int moderator;
};

// One server, a video on it, a comment on that video, and the moderator who submitted both.
struct Stage {
  explicit Stage(const std::string& default_roles) : server(server_config(default_roles)) {
    HttpClient client(server.base_url());
    moderator = sign_up(client, kModeratorEmail);
    video_id = submit_video(client, moderator);
    comment_id = add_comment(client, video_id, moderator, "a comment to restore").json()["commentid"];
  }

  std::vector<Route> routes() const {
    const std::string video = "/api/v1/videos/" + video_id;
    return {{"POST", video + "/comments", R"({"text":"hello there"})", 401, 201, 201},
            {"GET", video + "/comments", "", 200, 200, 200},
            {"GET", "/api/v1/users/" + moderator.user_id + "/comments", "", 200, 200, 200},
            {"POST", video + "/ratings", R"({"rating":3})", 401, 200, 200},
            {"GET", video + "/ratings", "", 200, 200, 200},
            {"POST", "/api/v1/videos/id/" + video_id + "/rating", R"({"rating":4})", 401, 204, 204},
            {"GET", "/api/v1/videos/id/" + video_id + "/rating", "", 200, 200, 200},
            {"POST", "/api/v1/moderation/comments/" + comment_id + "/restore", "", 401, 403, 200}};
  }

  void expect_matrix(const std::vector<std::string>& headers, int Route::*expected) const {
    HttpClient client(server.base_url());
    for (const auto& route : routes()) {
      const auto response = client.request(route.method, route.path, route.body, headers);
      EXPECT_EQ(response.status, route.*expected) << route.method << " " << route.path << " " << response.body;
      if (response.status == 401) EXPECT_EQ(response.json()["detail"], "Not authenticated");
      if (response.status == 403) EXPECT_EQ(response.json()["detail"], kModeratorGateDetail);
    }
  }

  ServerProcess server;
  Member moderator;
  std::string video_id;
  std::string comment_id;
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

TEST_F(RoleMatrixTest, AnonymousCallersReadButNeverWrite) { viewers_->expect_matrix({}, &Route::anonymous); }

TEST_F(RoleMatrixTest, ViewersCommentAndRateButDoNotRestore) {
  HttpClient client(viewers_->server.base_url());
  const json login = signed_up(client, unique_email("viewer"));
  ASSERT_EQ(login["user"]["roles"], json({"viewer"}));
  viewers_->expect_matrix({bearer(login["token"])}, &Route::member);
}

TEST_F(RoleMatrixTest, CreatorsCommentAndRateButDoNotRestore) {
  HttpClient client(creators_->server.base_url());
  const json login = signed_up(client, unique_email("creator"));
  ASSERT_EQ(login["user"]["roles"], json({"creator"}));
  creators_->expect_matrix({bearer(login["token"])}, &Route::member);
}

TEST_F(RoleMatrixTest, ModeratorsReachEveryRoute) {
  viewers_->expect_matrix({viewers_->moderator.authorization}, &Route::moderator);
}

}  // namespace
}  // namespace killrvideo::testing::comments_ratings
