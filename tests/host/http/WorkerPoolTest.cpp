#include "http/WorkerPool.h"

#include <atomic>
#include <future>

#include <gtest/gtest.h>

namespace killrvideo::host {
namespace {

TEST(WorkerPoolTest, RunsSubmittedTasks) {
  WorkerPool pool(2, 16);
  std::atomic<int> done{0};
  for (int i = 0; i < 10; ++i) ASSERT_TRUE(pool.try_submit([&] { ++done; }));
  ASSERT_TRUE(pool.wait_idle(std::chrono::seconds(5)));
  EXPECT_EQ(done.load(), 10);
}

TEST(WorkerPoolTest, RefusesWhenTheQueueIsFull) {
  WorkerPool pool(1, 1);
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::promise<void> started;
  ASSERT_TRUE(pool.try_submit([&] {
    started.set_value();
    released.wait();
  }));
  started.get_future().wait();
  EXPECT_TRUE(pool.try_submit([] {}));   // waits in the queue
  EXPECT_FALSE(pool.try_submit([] {}));  // queue full
  release.set_value();
  EXPECT_TRUE(pool.wait_idle(std::chrono::seconds(5)));
  EXPECT_TRUE(pool.try_submit([] {}));
}

TEST(WorkerPoolTest, StopRunsWhatIsQueuedThenRefuses) {
  WorkerPool pool(1, 8);
  std::atomic<int> done{0};
  for (int i = 0; i < 5; ++i) pool.try_submit([&] { ++done; });
  pool.stop();
  EXPECT_EQ(done.load(), 5);
  EXPECT_FALSE(pool.try_submit([] {}));
}

}  // namespace
}  // namespace killrvideo::host
