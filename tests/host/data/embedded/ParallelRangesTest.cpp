#include "data/embedded/ParallelRanges.h"

#include <gtest/gtest.h>
#include <pthread.h>
#include <sched.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <utility>
#include <vector>

namespace killrvideo::host::embedded {
namespace {

TEST(ParallelRangesTest, ThePartsCoverEveryItemOnceInOrderOfTheirIndex) {
  for (const std::size_t parts : {1, 2, 3, 7}) {
    std::vector<std::pair<std::size_t, std::size_t>> bounds(parts);
    std::vector<std::atomic<int>> visits(1001);
    for_each_range(visits.size(), parts, [&](std::size_t index, std::size_t begin, std::size_t end) {
      bounds[index] = {begin, end};
      for (std::size_t item = begin; item < end; ++item) ++visits[item];
    });
    for (const auto& count : visits) ASSERT_EQ(count, 1) << parts << " parts";
    EXPECT_EQ(bounds.front().first, 0U);
    EXPECT_EQ(bounds.back().second, visits.size());
    for (std::size_t index = 1; index < parts; ++index) EXPECT_EQ(bounds[index].first, bounds[index - 1].second);
  }
}

// The CPUs this process may run on: what the splits use (a `taskset` or a container's cpuset narrows it).
std::size_t allowed_cpu_count() {
  cpu_set_t mask;
  CPU_ZERO(&mask);
  if (sched_getaffinity(0, sizeof mask, &mask) != 0) return 1;
  return static_cast<std::size_t>(std::max(1, CPU_COUNT(&mask)));
}

TEST(ParallelRangesTest, RunsOnMoreThanOneThreadWhenTheMachineHasCores) {
  if (allowed_cpu_count() < 2) GTEST_SKIP() << "one core";
  // The caller's part waits until another thread has run a part: with one thread this would never end,
  // so the wait is bounded and the test reports what it saw.
  std::atomic<bool> helper_ran{false};
  std::mutex lock;
  std::set<std::thread::id> threads;
  for_each_range(2, 2, [&](std::size_t index, std::size_t, std::size_t) {
    {
      std::lock_guard hold(lock);
      threads.insert(std::this_thread::get_id());
    }
    if (index == 1) helper_ran = true;
    for (int wait = 0; index == 0 && !helper_ran && wait < 2000; ++wait)
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
  });
  EXPECT_EQ(threads.size(), 2U);
}

// Binds the calling thread to the CPU it is on, and gives it back its old mask when done.
class BoundToThisCpu {
 public:
  BoundToThisCpu() : cpu_(sched_getcpu()) {
    pthread_getaffinity_np(pthread_self(), sizeof old_mask_, &old_mask_);
    cpu_set_t mask;
    CPU_ZERO(&mask);
    CPU_SET(cpu_, &mask);
    bound_ = pthread_setaffinity_np(pthread_self(), sizeof mask, &mask) == 0;
  }
  ~BoundToThisCpu() { pthread_setaffinity_np(pthread_self(), sizeof old_mask_, &old_mask_); }
  int cpu() const noexcept { return cpu_; }
  bool bound() const noexcept { return bound_; }

 private:
  int cpu_;
  cpu_set_t old_mask_{};
  bool bound_ = false;
};

// Left to the scheduler, a woken helper was often placed on its waker's CPU: the caller's piece and the
// helper's then took turns on one core.
TEST(ParallelRangesTest, AHelperRunsItsPieceOnAnotherCpuThanTheCallers) {
  if (allowed_cpu_count() < 2) GTEST_SKIP() << "one core";
  // The helpers start at the first split and take the CPUs its thread may use: before the binding below.
  for_each_range(2, 2, [](std::size_t, std::size_t, std::size_t) {});
  const BoundToThisCpu caller;
  ASSERT_TRUE(caller.bound());
  int helped = 0;
  for (int round = 0; round < 100; ++round) {
    std::atomic<bool> helper_ran{false};
    int helper_cpu = -1;
    std::thread::id helper_thread;
    for_each_range(2, 2, [&](std::size_t index, std::size_t, std::size_t) {
      if (index == 1) {
        helper_cpu = sched_getcpu();
        helper_thread = std::this_thread::get_id();
        helper_ran = true;
      }
      // The caller sleeps until the piece is run: a helper on the caller's CPU would get the core meanwhile.
      for (int wait = 0; index == 0 && !helper_ran && wait < 2000; ++wait)
        std::this_thread::sleep_for(std::chrono::microseconds(100));
    });
    if (helper_thread == std::this_thread::get_id()) continue;  // taken back: not a helper's run
    ++helped;
    ASSERT_NE(helper_cpu, caller.cpu()) << "round " << round;
  }
  EXPECT_GT(helped, 90);
}

TEST(ParallelRangesTest, ManyCallersAtOnceEachGetTheirOwnAnswer) {
  std::vector<std::thread> callers;
  std::atomic<int> wrong{0};
  for (int caller = 0; caller < 8; ++caller)
    callers.emplace_back([&wrong, caller] {
      for (int round = 0; round < 200; ++round) {
        std::vector<long> sums(2, 0);
        for_each_range(1000, 2, [&](std::size_t index, std::size_t begin, std::size_t end) {
          for (std::size_t item = begin; item < end; ++item) sums[index] += static_cast<long>(item) * caller;
        });
        if (sums[0] + sums[1] != 499500L * caller) ++wrong;
      }
    });
  for (auto& caller : callers) caller.join();
  EXPECT_EQ(wrong, 0);
}

TEST(ParallelRangesTest, APartsExceptionReachesTheCallerAfterEveryPartIsDone) {
  std::atomic<int> finished{0};
  EXPECT_THROW(for_each_range(4, 4,
                              [&](std::size_t index, std::size_t, std::size_t) {
                                if (index == 2) throw std::runtime_error("part 2 failed");
                                ++finished;
                              }),
               std::runtime_error);
  EXPECT_EQ(finished, 3);
}

TEST(ParallelRangesTest, ChunksCoverEveryItemOnceEachWorkersInIncreasingOrder) {
  for (const std::size_t workers : {1, 2, 3}) {
    std::vector<std::atomic<int>> visits(1001);
    std::vector<std::vector<std::size_t>> begins(workers);
    std::atomic<bool> worker_out_of_range{false};
    for_each_chunk(visits.size(), workers, 32, [&](std::size_t worker, std::size_t begin, std::size_t end) {
      if (worker >= workers) {
        worker_out_of_range = true;
        return;
      }
      EXPECT_LE(end - begin, 32U);
      begins[worker].push_back(begin);
      for (std::size_t item = begin; item < end; ++item) ++visits[item];
    });
    EXPECT_FALSE(worker_out_of_range);
    for (const auto& count : visits) ASSERT_EQ(count, 1) << workers << " workers";
    for (const auto& claimed : begins) EXPECT_TRUE(std::is_sorted(claimed.begin(), claimed.end()));
  }
}

TEST(ParallelRangesTest, AWorkerThatIsHeldUpClaimsFewerChunks) {
  if (allowed_cpu_count() < 2) GTEST_SKIP() << "one core";
  // Worker 1 sleeps in its first chunk (worker 0 waits for it to get there): worker 0 claims the rest
  // instead of leaving half of them to it.
  std::vector<std::size_t> chunks(2, 0);
  std::atomic<bool> held_up{false};
  for_each_chunk(100, 2, 1, [&](std::size_t worker, std::size_t, std::size_t) {
    if (worker == 1 && chunks[1] == 0) {
      held_up = true;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    for (int wait = 0; worker == 0 && chunks[0] == 0 && !held_up && wait < 2000; ++wait)
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    ++chunks[worker];
  });
  EXPECT_EQ(chunks[0] + chunks[1], 100U);
  EXPECT_EQ(chunks[1], 1U);
}

TEST(ParallelRangesTest, RangeCountIsOnePerCoreAtMostAndNeverZero) {
  const std::size_t cores = allowed_cpu_count();
  EXPECT_EQ(range_count(0, 100), 1U);
  EXPECT_EQ(range_count(150, 100), 1U);
  EXPECT_EQ(range_count(100 * cores, 100), cores);
  EXPECT_EQ(range_count(1000000, 100), cores);
}

}  // namespace
}  // namespace killrvideo::host::embedded
