// A load killed between two of its commits leaves a store that a re-run of the same import completes:
// every video listed once, and the recount finds no listing row or count to correct.

#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <thread>

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tests/support/HttpClient.h"
#include "tests/tools/loader/LoaderStore.h"

namespace killrvideo::testing {
namespace {

constexpr int kVideos = 4000;

std::string videos_csv() {
  std::string csv = "videoid,added_date,description,location,location_type,name,preview_image_location,tags,userid\n";
  char line[512];
  for (int i = 1; i <= kVideos; ++i) {
    std::snprintf(line, sizeof line,
                  "%08d-0000-4000-8001-000000000001,2025-%02d-%02dT10:00:00.000Z,Video %d,"
                  "https://www.youtube.com/embed/abcdefghijk,1,Video %d,,\"{\"\"tag%d\"\",\"\"all\"\"}\","
                  "%08d-0000-4000-8002-000000000002\n",
                  i, 1 + i % 12, 1 + i % 28, i, i, i % 7, 1 + i % 40);
    csv += line;
  }
  return csv;
}

// Starts killrvideo-load and SIGKILLs it once its write-ahead log has taken a few commits; false when the
// load had already finished.
bool kill_load_midway(const LoaderStore& store, const std::string& csv_dir) {
  const std::string loader = build_dir() + "/bin/killrvideo-load";
  const pid_t pid = fork();
  if (pid == 0) {
    std::freopen("/dev/null", "w", stdout);
    execl(loader.c_str(), loader.c_str(), "--config", store.config_path().c_str(), "--rows-per-commit", "50",
          csv_dir.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  const std::filesystem::path wal = store.data_dir() + "/killrvideo.db-wal";
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  int status = 0;
  while (std::chrono::steady_clock::now() < give_up) {
    if (waitpid(pid, &status, WNOHANG) == pid) return false;
    std::error_code missing;
    if (std::filesystem::file_size(wal, missing) > 512 * 1024) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  kill(pid, SIGKILL);
  waitpid(pid, &status, 0);
  return WIFSIGNALED(status);
}

TEST(InterruptedLoadTest, ARerunAfterAKillMidLoadLeavesEveryVideoListedOnceAndNoCountToCorrect) {
  if (!plugin_built("catalog")) GTEST_SKIP() << "needs the catalog plugin, not built in " << plugin_dir() << " yet";
  LoaderStore store("  - { name: catalog }\n");
  const std::string csv_dir = store.write_folder("export", {{"videos_cleaned.csv", videos_csv()}});

  ASSERT_TRUE(kill_load_midway(store, csv_dir)) << "the load finished before it could be killed";
  const auto rerun = store.load({csv_dir});
  ASSERT_EQ(rerun.exit_code, 0) << rerun.output;
  const auto recount = store.load({"--recount"});
  ASSERT_EQ(recount.exit_code, 0) << recount.output;
  EXPECT_NE(recount.output.find("catalog feed_counts: 0 corrected"), std::string::npos) << recount.output;

  ServerProcess server(store.config_yaml());
  HttpClient client(server.base_url());
  EXPECT_EQ(client.get("/api/v1/videos/latest?pageSize=1").json()["pagination"]["totalItems"], kVideos);
  EXPECT_EQ(client.get("/api/v1/videos/by-tag/all?pageSize=1").json()["pagination"]["totalItems"], kVideos);
  int tagged_tag3 = 0;
  for (int i = 1; i <= kVideos; ++i) tagged_tag3 += i % 7 == 3 ? 1 : 0;
  EXPECT_EQ(client.get("/api/v1/videos/by-tag/tag3?pageSize=1").json()["pagination"]["totalItems"], tagged_tag3);
}

}  // namespace
}  // namespace killrvideo::testing
