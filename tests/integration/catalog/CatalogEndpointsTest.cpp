// One video's life through the real server on the embedded engine: submit, details, status, update,
// views, preview and restore, with the role matrix of each gated route and every error detail.

#include <gtest/gtest.h>

#include "tests/integration/catalog/CatalogServer.h"

namespace killrvideo::testing::catalog {
namespace {

using nlohmann::json;

constexpr const char* kUnknownVideo = "/api/v1/videos/id/00000000-0000-4000-8000-00000000dead";

class CatalogEndpointsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new ServerProcess(catalog_config()); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  // A new video of kCreatorId; its path.
  std::string submit_video(const std::string& extra_fields = "") {
    const auto response = client_.post("/api/v1/videos", submission("https://youtu.be/abcdefghijk", extra_fields), {creator()});
    EXPECT_EQ(response.status, 202) << response.body;
    return "/api/v1/videos/id/" + response.json()["videoId"].get<std::string>();
  }

  HttpClient client_{server_->base_url()};
  static ServerProcess* server_;
};
ServerProcess* CatalogEndpointsTest::server_ = nullptr;

TEST_F(CatalogEndpointsTest, SubmitStoresWhatTheUiSendsAndDetailsReadItBack) {
  const auto submitted = client_.post(
      "/api/v1/videos",
      submission("https://www.youtube.com/watch?v=abcdefghijk", R"(,"description":"Partitions","tags":["cassandra","data"])"),
      {creator()});
  ASSERT_EQ(submitted.status, 202) << submitted.body;
  const json created = submitted.json();
  EXPECT_EQ(created["title"], "Untitled Video");
  EXPECT_EQ(created["userId"], kCreatorId);
  EXPECT_EQ(created["status"], "READY");
  EXPECT_EQ(created["youtubeVideoId"], "abcdefghijk");
  EXPECT_EQ(created["thumbnailUrl"], "https://i.ytimg.com/vi/abcdefghijk/hqdefault.jpg");
  EXPECT_EQ(created["content_features"], nullptr);

  const auto details = client_.get("/api/v1/videos/id/" + created["videoId"].get<std::string>());
  ASSERT_EQ(details.status, 200) << details.body;
  const json detail = details.json();
  EXPECT_EQ(detail["title"], "Untitled Video");
  EXPECT_EQ(detail["description"], "Partitions");
  EXPECT_EQ(detail["tags"], json({"cassandra", "data"}));
  EXPECT_EQ(detail["submittedAt"], created["submittedAt"]);
  EXPECT_EQ(detail["location"], "https://www.youtube.com/watch?v=abcdefghijk");
  EXPECT_EQ(detail["location_type"], 0);
  EXPECT_EQ(detail["content_features"].size(), 384U) << "stored with the embedder's dimension";
  EXPECT_EQ(detail["views"], 0);
  EXPECT_EQ(detail["viewCount"], 0);
  EXPECT_EQ(detail["averageRating"], nullptr);
  EXPECT_EQ(detail["totalRatingsCount"], 0);
  EXPECT_EQ(detail["is_deleted"], false);
  EXPECT_EQ(detail["deleted_at"], nullptr);
  EXPECT_EQ(detail.size(), 22U);
}

TEST_F(CatalogEndpointsTest, SubmitRoleMatrix) {
  const std::string body = submission("https://youtu.be/abcdefghijk");
  const auto anonymous = client_.post("/api/v1/videos", body);
  EXPECT_EQ(anonymous.status, 401);
  EXPECT_EQ(anonymous.json()["detail"], "Not authenticated");
  const auto as_viewer = client_.post("/api/v1/videos", body, {viewer()});
  EXPECT_EQ(as_viewer.status, 403);
  EXPECT_EQ(as_viewer.json()["detail"], "User does not have any of the required roles: ['creator', 'moderator']");
  EXPECT_EQ(client_.post("/api/v1/videos", body, {creator()}).status, 202);
  EXPECT_EQ(client_.post("/api/v1/videos", body, {moderator()}).status, 202);
}

TEST_F(CatalogEndpointsTest, SubmitRefusesUrlsWithoutAVideoIdAndMalformedBodies) {
  const auto not_youtube = client_.post("/api/v1/videos", submission("https://m.youtube.com/watch?v=abcdefghijk"), {creator()});
  EXPECT_EQ(not_youtube.status, 400);
  EXPECT_EQ(not_youtube.json()["detail"], "Invalid YouTube URL or unable to extract video ID");
  EXPECT_EQ(not_youtube.json()["title"], "Bad Request");
  const auto missing = client_.post("/api/v1/videos", "{}", {creator()});
  EXPECT_EQ(missing.status, 422);
  EXPECT_EQ(missing.json()["detail"][0]["loc"], json({"body", "youtubeUrl"}));
}

TEST_F(CatalogEndpointsTest, StatusRoleMatrix) {
  const std::string status = submit_video() + "/status";
  EXPECT_EQ(client_.get(status).status, 401);
  const auto owner = client_.get(status, {creator()});
  ASSERT_EQ(owner.status, 200);
  EXPECT_EQ(owner.json()["status"], "READY");
  const auto as_viewer = client_.get(status, {viewer()});
  EXPECT_EQ(as_viewer.status, 403);
  EXPECT_EQ(as_viewer.json()["detail"], "User does not have permission to view status of this video");
  EXPECT_EQ(client_.get(status, {other_creator()}).status, 403);
  EXPECT_EQ(client_.get(status, {moderator()}).status, 200);
  const auto unknown = client_.get(std::string(kUnknownVideo) + "/status", {moderator()});
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(unknown.json()["detail"], "Video not found");
}

TEST_F(CatalogEndpointsTest, UnknownAndNonCanonicalIds) {
  const auto unknown = client_.get(kUnknownVideo);
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(unknown.json()["detail"], "Video not found");
  const auto uppercase = client_.get("/api/v1/videos/id/00000000-0000-4000-8000-00000000DEAD");
  EXPECT_EQ(uppercase.status, 404);
  EXPECT_EQ(uppercase.json(), json({{"detail", "Not Found"}}));
}

TEST_F(CatalogEndpointsTest, UpdateRoleMatrixAndFields) {
  const std::string video = submit_video(R"(,"description":"old","tags":["a"])");
  EXPECT_EQ(client_.request("PUT", video, R"({"title":"New title"})", {}).status, 401);
  const auto stranger = client_.request("PUT", video, R"({"title":"Mine now"})", {other_creator()});
  EXPECT_EQ(stranger.status, 403);
  EXPECT_EQ(stranger.json()["detail"], "User does not have permission to modify this video");
  EXPECT_EQ(client_.request("PUT", video, R"({"title":"Mine now"})", {viewer()}).status, 403);

  const auto by_owner = client_.request("PUT", video, R"({"title":"New title","tags":["b","c"]})", {creator()});
  ASSERT_EQ(by_owner.status, 200) << by_owner.body;
  EXPECT_EQ(by_owner.json()["title"], "New title");
  EXPECT_EQ(by_owner.json()["description"], "old");
  EXPECT_EQ(by_owner.json()["tags"], json({"b", "c"}));
  EXPECT_NE(by_owner.json()["updatedAt"], nullptr);

  const auto by_moderator = client_.request("PUT", video, R"({"description":"moderated"})", {moderator()});
  ASSERT_EQ(by_moderator.status, 200);
  EXPECT_EQ(by_moderator.json()["title"], "New title");
  EXPECT_EQ(by_moderator.json()["description"], "moderated");

  const auto too_short = client_.request("PUT", video, R"({"title":"ab"})", {creator()});
  EXPECT_EQ(too_short.status, 422);
  EXPECT_EQ(too_short.json()["detail"][0]["type"], "string_too_short");
  const auto unknown = client_.request("PUT", kUnknownVideo, R"({"title":"New title"})", {moderator()});
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(unknown.json()["detail"], "Video not found");
}

TEST_F(CatalogEndpointsTest, ViewsCountForAnyoneAndShowInDetails) {
  const std::string video = submit_video();
  const auto anonymous = client_.post(video + "/view", "");
  EXPECT_EQ(anonymous.status, 204);
  EXPECT_TRUE(anonymous.body.empty());
  EXPECT_EQ(client_.post(video + "/view", "", {viewer()}).status, 204);
  EXPECT_EQ(client_.post(video + "/view", "", {"Authorization: Bearer garbage"}).status, 204) << "optional auth";
  const json detail = client_.get(video).json();
  EXPECT_EQ(detail["views"], 3);
  EXPECT_EQ(detail["viewCount"], 3);
  const auto unknown = client_.post(std::string(kUnknownVideo) + "/view", "");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(unknown.json()["detail"], "Video not found");
}

TEST_F(CatalogEndpointsTest, PreviewIsPublicWithTheMockTitle) {
  const auto preview = client_.post("/api/v1/videos/preview", submission("https://youtu.be/abcdefghijk"));
  ASSERT_EQ(preview.status, 200);
  EXPECT_EQ(preview.json(), json({{"title", "Generic Video abcdefghijk"}}));
  const auto bad = client_.post("/api/v1/videos/preview", submission("https://example.com/x"));
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.json()["detail"], "Invalid YouTube URL or unable to extract video ID");
}

TEST_F(CatalogEndpointsTest, RestoreRoleMatrix) {
  const std::string video = submit_video();
  const std::string id = video.substr(video.rfind('/') + 1);
  const std::string restore = "/api/v1/moderation/videos/" + id + "/restore";
  EXPECT_EQ(client_.post(restore, "").status, 401);
  EXPECT_EQ(client_.post(restore, "", {viewer()}).status, 403);
  const auto as_creator = client_.post(restore, "", {creator()});
  EXPECT_EQ(as_creator.status, 403);
  EXPECT_EQ(as_creator.json()["detail"], "User does not have any of the required roles: ['moderator']");
  const auto restored = client_.post(restore, "", {moderator()});
  ASSERT_EQ(restored.status, 200);
  EXPECT_EQ(restored.json(), json({{"content_id", id}, {"content_type", "video"}, {"status_message", "initiated"}}));
  const auto missing = client_.post("/api/v1/moderation/videos/00000000-0000-4000-8000-00000000dead/restore", "", {moderator()});
  EXPECT_EQ(missing.json()["status_message"], "failed");
}

}  // namespace
}  // namespace killrvideo::testing::catalog
