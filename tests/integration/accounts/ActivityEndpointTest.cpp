// GET /users/{userId}/activity (#37) in the real server: the envelope, validation and paging edges.
// Activity rows come only from other plugins' events; their recording is covered by the unit tests.

#include <gtest/gtest.h>

#include "tests/integration/accounts/AccountsServer.h"

namespace killrvideo::testing {
namespace {

using nlohmann::json;

class ActivityEndpointTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new ServerProcess(accounts_config()); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  HttpResponse activity(const std::string& user_id, const std::string& query = "") {
    return client_.get("/api/v1/users/" + user_id + "/activity" + query);
  }

  std::string new_user_id() { return register_user(client_, unique_email("active")).json()["userId"]; }

  HttpClient client_{server_->base_url()};
  static ServerProcess* server_;
};
ServerProcess* ActivityEndpointTest::server_ = nullptr;

json empty_page(int page, int page_size) {
  return {{"data", json::array()},
          {"pagination", {{"currentPage", page}, {"pageSize", page_size}, {"totalItems", 0}, {"totalPages", 0}}}};
}

TEST_F(ActivityEndpointTest, ANewUserHasAnEmptyFirstPage) {
  const auto response = activity(new_user_id());

  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(response.json(), empty_page(1, 10));
}

TEST_F(ActivityEndpointTest, IsPublicAndIgnoresABadToken) {
  const auto response = client_.get("/api/v1/users/" + new_user_id() + "/activity", {"Authorization: Bearer garbage"});

  EXPECT_EQ(response.status, 200);
}

TEST_F(ActivityEndpointTest, EachActivityTypeIsAccepted) {
  const std::string user_id = new_user_id();
  for (const char* type : {"view", "comment", "rate"}) {
    const auto response = activity(user_id, std::string("?activity_type=") + type + "&pageSize=5");
    EXPECT_EQ(response.status, 200) << type;
    EXPECT_EQ(response.json(), empty_page(1, 5)) << type;
  }
}

TEST_F(ActivityEndpointTest, APageBeyondTheEndIsEmptyWithTheTrueTotal) {
  const auto response = activity(new_user_id(), "?page=4&pageSize=3");

  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(response.json(), empty_page(4, 3));
}

TEST_F(ActivityEndpointTest, PageSizeOneHundredIsTheLargestAccepted) {
  EXPECT_EQ(activity(new_user_id(), "?pageSize=100").status, 200);
}

TEST_F(ActivityEndpointTest, PageSizeZeroAndOneHundredOneAre422) {
  const std::string user_id = new_user_id();

  const auto zero = activity(user_id, "?pageSize=0");
  EXPECT_EQ(zero.status, 422);
  EXPECT_EQ(zero.json(), json({{"detail",
                                {{{"type", "greater_than_equal"},
                                  {"loc", {"query", "pageSize"}},
                                  {"msg", "Input should be greater than or equal to 1"},
                                  {"input", "0"},
                                  {"ctx", {{"ge", 1}}}}}}}));

  const auto too_big = activity(user_id, "?pageSize=101");
  EXPECT_EQ(too_big.status, 422);
  EXPECT_EQ(too_big.json(), json({{"detail",
                                   {{{"type", "less_than_equal"},
                                     {"loc", {"query", "pageSize"}},
                                     {"msg", "Input should be less than or equal to 100"},
                                     {"input", "101"},
                                     {"ctx", {{"le", 100}}}}}}}));
}

TEST_F(ActivityEndpointTest, ABadUserIdIs422NotA404) {
  const auto response = activity("not-a-uuid");

  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(response.json()["detail"][0]["type"], "uuid_parsing");
  EXPECT_EQ(response.json()["detail"][0]["loc"], json({"path", "userId"}));
  EXPECT_EQ(response.json()["detail"][0]["input"], "not-a-uuid");
}

TEST_F(ActivityEndpointTest, AnUnknownActivityTypeIs422) {
  const auto response = activity(new_user_id(), "?activity_type=like");

  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(response.json(), json({{"detail",
                                    {{{"type", "enum"},
                                      {"loc", {"query", "activity_type"}},
                                      {"msg", "Input should be 'view', 'comment' or 'rate'"},
                                      {"input", "like"},
                                      {"ctx", {{"expected", "'view', 'comment' or 'rate'"}}}}}}}));
}

}  // namespace
}  // namespace killrvideo::testing
