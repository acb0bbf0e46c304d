// Counters that stay exact under concurrency, on both real backends: the embedded engine, and the Astra
// client against a local Data API server (killrvideo-dataapi). 500 members rate one video at once; one
// member sends 50 ratings at once; 500 comments arrive at once.

#include <gtest/gtest.h>

#include <atomic>
#include <map>

#include "tests/host/data/astra/DataApiProcess.h"
#include "tests/integration/comments_ratings/CommentsRatingsServer.h"

namespace killrvideo::testing::comments_ratings {
namespace {

using nlohmann::json;

constexpr int kMembers = 500;
constexpr int kClientThreads = 25;
constexpr int kRatingsByOneMember = 50;

// Runs `request(client, i)` for i in [0, count) from kClientThreads connections at once; how many
// answered `expected_status`.
template <class Request>
int concurrently(const std::string& base_url, int count, int expected_status, Request request) {
  std::atomic<int> answered{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kClientThreads; ++t) {
    threads.emplace_back([&, t] {
      HttpClient client(base_url);
      for (int i = t; i < count; i += kClientThreads) {
        if (request(client, i).status == expected_status) ++answered;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  return answered.load();
}

int rating_of_member(int i) { return 1 + (i * 7) % 5; }

void expect_exact_counters(const ServerProcess& server) {
  HttpClient client(server.base_url());
  const std::vector<Member> members = sign_up_many(server.base_url(), kMembers);
  const std::string video = submit_video(client, members[0]);

  // 500 members rate one video at once.
  EXPECT_EQ(concurrently(server.base_url(), kMembers, 200,
                         [&](HttpClient& c, int i) { return rate(c, video, members[i], rating_of_member(i)); }),
            kMembers);
  int sum = 0;
  for (int i = 0; i < kMembers; ++i) sum += rating_of_member(i);
  const json summary = client.get("/api/v1/videos/" + video + "/ratings").json();
  EXPECT_EQ(summary["totalRatingsCount"], kMembers);
  EXPECT_DOUBLE_EQ(summary["averageRating"].get<double>(), std::round(sum * 100.0 / kMembers) / 100.0);
  // The catalog's copy, moved by the video.rated events, agrees.
  const json details = client.get("/api/v1/videos/id/" + video).json();
  EXPECT_EQ(details["totalRatingsCount"], kMembers);
  EXPECT_EQ(details["averageRating"], summary["averageRating"]);

  // One member sends 50 mixed ratings at once: counted once, the total holds exactly the stored rating.
  const std::string second_video = submit_video(client, members[0]);
  EXPECT_EQ(concurrently(server.base_url(), kRatingsByOneMember, 200,
                         [&](HttpClient& c, int i) { return rate(c, second_video, members[1], 1 + i % 5); }),
            kRatingsByOneMember);
  const json own = client.get("/api/v1/videos/" + second_video + "/ratings", {members[1].authorization}).json();
  EXPECT_EQ(own["totalRatingsCount"], 1);
  EXPECT_EQ(own["averageRating"], own["currentUserRating"]);
  EXPECT_EQ(client.get("/api/v1/videos/id/" + second_video).json()["averageRating"], own["currentUserRating"]);

  // 500 comments at once: 500 listed, a total of 500.
  EXPECT_EQ(concurrently(server.base_url(), kMembers, 201,
                         [&](HttpClient& c, int i) { return add_comment(c, video, members[i], "comment " + std::to_string(i)); }),
            kMembers);
  const json first_page = client.get("/api/v1/videos/" + video + "/comments?pageSize=100").json();
  EXPECT_EQ(first_page["pagination"]["totalItems"], kMembers);
  std::map<std::string, int> seen;
  for (int page = 1; page <= kMembers / 100; ++page) {
    const json listed = client.get("/api/v1/videos/" + video + "/comments?pageSize=100&page=" + std::to_string(page)).json();
    for (const auto& comment : listed["data"]) ++seen[comment["commentid"].get<std::string>()];
  }
  EXPECT_EQ(seen.size(), static_cast<std::size_t>(kMembers));
  EXPECT_EQ(client.get("/api/v1/users/" + members[7].user_id + "/comments").json()["pagination"]["totalItems"], 1);
}

TEST(ExactCountersTest, OnTheEmbeddedEngine) {
  const ServerProcess server(server_config());
  expect_exact_counters(server);
}

TEST(ExactCountersTest, ThroughTheDataApi) {
  const std::string token = "AstraCS:comments-ratings-integration";
  DataApiProcess data_api(token);
  const ServerProcess server(server_config("[viewer, creator]", astra_database(data_api.base_url(), token)));
  expect_exact_counters(server);
}

}  // namespace
}  // namespace killrvideo::testing::comments_ratings
