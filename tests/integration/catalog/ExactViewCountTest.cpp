// Views counted under concurrency on both real backends: 1 000 simultaneous POST …/view requests on one
// video add exactly 1 000, because each is an atomic $inc on a collection document (design §4).

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "tests/host/data/astra/DataApiProcess.h"
#include "tests/integration/catalog/CatalogServer.h"

namespace killrvideo::testing::catalog {
namespace {

constexpr int kClientThreads = 8;
constexpr int kViewsPerThread = 125;
constexpr int kTotalViews = kClientThreads * kViewsPerThread;

// Submits a video, views it kTotalViews times from kClientThreads connections at once, and returns how
// many views were answered 204.
int view_concurrently(const ServerProcess& server, const std::string& video_path) {
  std::atomic<int> accepted{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kClientThreads; ++t) {
    threads.emplace_back([&] {
      HttpClient client(server.base_url());  // one connection per thread: a client is not shared
      for (int v = 0; v < kViewsPerThread; ++v) {
        if (client.post(video_path + "/view", "").status == 204) ++accepted;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  return accepted.load();
}

void expect_exact_views(const ServerProcess& server) {
  HttpClient client(server.base_url());
  const auto submitted = client.post("/api/v1/videos", submission("https://youtu.be/abcdefghijk"), {creator()});
  ASSERT_EQ(submitted.status, 202) << submitted.body;
  const std::string id = submitted.json()["videoId"].get<std::string>();
  const std::string video_path = "/api/v1/videos/id/" + id;

  EXPECT_EQ(view_concurrently(server, video_path), kTotalViews);
  EXPECT_EQ(client.get(video_path).json()["views"], kTotalViews);
  // Every view also left one activity row in today's partition: trending counts them all.
  const auto trending = client.get("/api/v1/videos/trending").json();
  ASSERT_EQ(trending.size(), 1U) << trending;
  EXPECT_EQ(trending[0]["videoId"], id);
  EXPECT_EQ(trending[0]["views"], kTotalViews);
}

TEST(ExactViewCountTest, OneThousandConcurrentViewsOnTheEmbeddedEngine) {
  const ServerProcess server(catalog_config());
  expect_exact_views(server);
}

TEST(ExactViewCountTest, OneThousandConcurrentViewsThroughTheDataApi) {
  const std::string token = "AstraCS:catalog-integration";
  DataApiProcess data_api(token);
  const ServerProcess server(catalog_config(astra_database(data_api.base_url(), token)));
  expect_exact_views(server);
}

}  // namespace
}  // namespace killrvideo::testing::catalog
