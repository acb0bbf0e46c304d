// Every recommendations route for each kind of caller: anonymous, viewer, creator, moderator. Without the
// accounts plugin the host takes a token's roles as the caller's.

#include <gtest/gtest.h>

#include "tests/integration/recommendations/RecommendationsServer.h"

namespace killrvideo::testing::recommendations {
namespace {

using nlohmann::json;

constexpr const char* kCreatorGateDetail = "User does not have any of the required roles: ['creator', 'moderator']";

class RoleMatrixTest : public TopicServerTest<RoleMatrixTest> {
 protected:
  HttpResponse related(const std::vector<std::string>& headers) {
    return client_.get(video_path(database_ids_[0]) + "/related", headers);
  }
  HttpResponse for_you(const std::vector<std::string>& headers) {
    return client_.get("/api/v1/recommendations/foryou", headers);
  }
  HttpResponse ingest(const std::vector<std::string>& headers) {
    const json body = {{"videoId", database_ids_[0]}, {"vector", std::vector<float>(384, 0.05F)}};
    return client_.post("/api/v1/reco/ingest", body.dump(), headers);
  }
};

TEST_F(RoleMatrixTest, AnonymousCallersGetRelatedOnly) {
  EXPECT_EQ(related({}).status, 200);
  for (const auto& response : {for_you({}), ingest({})}) {
    EXPECT_EQ(response.status, 401) << response.body;
    EXPECT_EQ(response.json()["detail"], "Not authenticated");
  }
}

TEST_F(RoleMatrixTest, ViewersGetRelatedAndTheirFeedButCannotIngest) {
  EXPECT_EQ(related({viewer()}).status, 200);
  EXPECT_EQ(for_you({viewer()}).status, 200);
  const auto refused = ingest({viewer()});
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(refused.json()["detail"], kCreatorGateDetail);
}

TEST_F(RoleMatrixTest, CreatorsReachEveryRoute) {
  EXPECT_EQ(related({creator()}).status, 200);
  EXPECT_EQ(for_you({creator()}).status, 200);
  const auto stored = ingest({creator()});
  EXPECT_EQ(stored.status, 202) << stored.body;
  EXPECT_EQ(stored.json()["status"], "stored");
}

TEST_F(RoleMatrixTest, ModeratorsReachEveryRoute) {
  EXPECT_EQ(related({moderator()}).status, 200);
  EXPECT_EQ(for_you({moderator()}).status, 200);
  EXPECT_EQ(ingest({moderator()}).status, 202);
}

TEST_F(RoleMatrixTest, AnExpiredOrForgedTokenIs401OnGatedRoutesAndIgnoredOnRelated) {
  const std::string forged = "Authorization: Bearer not.a.token";
  EXPECT_EQ(related({forged}).status, 200);
  EXPECT_EQ(for_you({forged}).status, 401);
  EXPECT_EQ(ingest({forged}).status, 401);
}

}  // namespace
}  // namespace killrvideo::testing::recommendations
