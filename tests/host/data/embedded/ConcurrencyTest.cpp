// Many callers at once: reads run beside the single writer, and collection $inc is exact.
#include <atomic>
#include <thread>

#include "EngineTestSupport.h"

namespace killrvideo::host::embedded::testing {
namespace {

class ConcurrencyTest : public EngineTest {};

TEST_F(ConcurrencyTest, EightThreadsInsertAndReadATable) {
  create_latest_videos_table();
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        char videoid[40];
        std::snprintf(videoid, sizeof videoid, "00000000-0000-4000-8000-%06d%06d", t, i);
        const json inserted = run("latest_videos", {{"insertOne", {{"document", {{"day", "2025-06-01"},
            {"added_date", "2025-06-01T10:00:00Z"}, {"videoid", videoid}}}}}});
        const json read = run("latest_videos", {{"findOne", {{"filter", {{"day", "2025-06-01"},
            {"added_date", "2025-06-01T10:00:00Z"}, {"videoid", videoid}}}}}});
        if (inserted.contains("errors") || read["data"]["document"].is_null()) ++failures;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures, 0);
  json state = nullptr;
  std::size_t rows = 0;
  do {
    json command = R"({"find":{"filter":{"day":"2025-06-01"},"projection":{"videoid":1}}})"_json;
    if (!state.is_null()) command["find"]["options"]["pageState"] = state;
    const json page = run("latest_videos", command);
    rows += page["data"]["documents"].size();
    state = page["data"]["nextPageState"];
  } while (!state.is_null());
  EXPECT_EQ(rows, 400U);
}

TEST_F(ConcurrencyTest, ThousandConcurrentIncrementsAreExact) {
  ASSERT_EQ(run("", R"({"createCollection":{"name":"video_stats"}})"_json), json({{"status", {{"ok", 1}}}}));
  const json increment = R"({"findOneAndUpdate":{"filter":{"_id":"v"},"update":{"$inc":{"views":1}},"options":{"upsert":true}}})"_json;
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < 16; ++t) {
    threads.emplace_back([&, t] {
      for (int i = t; i < 1000; i += 16)
        if (run("video_stats", increment).contains("errors")) ++failures;
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures, 0);
  EXPECT_EQ(run("video_stats", R"({"findOne":{"filter":{"_id":"v"}}})"_json)["data"]["document"], R"({"_id":"v","views":1000})"_json);
}

}  // namespace
}  // namespace killrvideo::host::embedded::testing
