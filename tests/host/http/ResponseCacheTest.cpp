// The response cache with a real write count: an answer is served again only while nothing was written
// since it was computed and it is younger than its time to live.

#include "http/ResponseCache.h"

#include <atomic>
#include <thread>

#include <gtest/gtest.h>

namespace killrvideo::host {
namespace {

using namespace std::chrono_literals;

plugin::Response ok(std::string body) {
  plugin::Response response;
  response.body = std::move(body);
  response.headers.emplace_back("Retry-After", "0");
  return response;
}

class ResponseCacheTest : public ::testing::Test {
 protected:
  std::atomic<std::uint64_t> writes_{0};
  ResponseCache cache_{[this] { return writes_.load(); }, 10s};
};

TEST_F(ResponseCacheTest, AnAnswerIsServedAgainWithItsHeadersWhileNothingIsWritten) {
  cache_.store("/videos/latest?page=1", cache_.writes(), ok(R"({"data":[1]})"));
  const auto found = cache_.find("/videos/latest?page=1");
  ASSERT_NE(found, nullptr);
  EXPECT_EQ(found->body, R"({"data":[1]})");
  EXPECT_EQ(found->headers, ok("").headers);
  EXPECT_EQ(cache_.find("/videos/latest?page=2"), nullptr) << "another target is another answer";
}

TEST_F(ResponseCacheTest, AWriteMakesEveryAnswerComputedBeforeItUnservable) {
  cache_.store("/a", cache_.writes(), ok("a"));
  ++writes_;
  EXPECT_EQ(cache_.find("/a"), nullptr);
  cache_.store("/a", cache_.writes(), ok("a, read again"));
  ASSERT_NE(cache_.find("/a"), nullptr);
  EXPECT_EQ(cache_.find("/a")->body, "a, read again");
}

TEST_F(ResponseCacheTest, AnAnswerDuringWhichAWriteFinishedIsNotKept) {
  const std::uint64_t before = cache_.writes();
  ++writes_;  // finished while the handler ran: the answer may hold the old rows or the new
  cache_.store("/a", before, ok("a"));
  EXPECT_EQ(cache_.find("/a"), nullptr);
}

TEST_F(ResponseCacheTest, OnlyOkAnswersAreKept) {
  plugin::Response missing = ok(R"({"detail":"Video not found"})");
  missing.status = 404;
  cache_.store("/missing", cache_.writes(), missing);
  EXPECT_EQ(cache_.find("/missing"), nullptr);
  plugin::Response failed = ok("{}");
  failed.failure = "the handler failed";
  cache_.store("/failed", cache_.writes(), failed);
  EXPECT_EQ(cache_.find("/failed"), nullptr);
}

TEST(ResponseCacheLifetime, AnAnswerOlderThanTheTimeToLiveIsNotServed) {
  ResponseCache cache([] { return std::uint64_t{0}; }, 50ms);
  cache.store("/a", 0, ok("a"));
  ASSERT_NE(cache.find("/a"), nullptr);
  std::this_thread::sleep_for(80ms);
  EXPECT_EQ(cache.find("/a"), nullptr);
}

TEST(ResponseCacheLimits, ItHoldsAtMostItsEntriesAndNoLargeBody) {
  ResponseCache cache([] { return std::uint64_t{0}; }, 10s, 3, 8);
  cache.store("/large", 0, ok("123456789"));
  EXPECT_EQ(cache.find("/large"), nullptr);
  for (int i = 0; i < 4; ++i) cache.store("/" + std::to_string(i), 0, ok("small"));
  int held = 0;
  for (int i = 0; i < 4; ++i) held += cache.find("/" + std::to_string(i)) != nullptr ? 1 : 0;
  EXPECT_LE(held, 3);
  EXPECT_NE(cache.find("/3"), nullptr) << "the newest answer is kept";
}

}  // namespace
}  // namespace killrvideo::host
