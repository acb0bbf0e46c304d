#include "plugins/PluginActivity.h"

#include <atomic>
#include <chrono>
#include <thread>

#include <gtest/gtest.h>

namespace killrvideo::host {
namespace {

TEST(PluginActivityTest, ClosedUntilOpenedAndAfterClosing) {
  PluginActivity activity;
  EXPECT_FALSE(activity.enter());
  activity.open();
  {
    const auto pass = activity.enter();
    EXPECT_TRUE(pass);
    EXPECT_EQ(activity.in_flight(), 1U);
  }
  EXPECT_EQ(activity.in_flight(), 0U);
  activity.close_and_wait();
  EXPECT_FALSE(activity.enter());
  EXPECT_EQ(activity.in_flight(), 0U);
}

TEST(PluginActivityTest, ClosingWaitsForEveryPassToBeReleased) {
  PluginActivity activity;
  activity.open();
  std::atomic<bool> released{false};
  std::atomic<bool> inside{false};
  std::thread holder([&] {
    const auto pass = activity.enter();
    inside = true;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    released = true;
  });
  while (!inside) std::this_thread::yield();
  activity.close_and_wait();
  EXPECT_TRUE(released.load()) << "close_and_wait returned while a pass was held";
  holder.join();
}

TEST(PluginActivityTest, ManyThreadsEnteringWhileClosingNeverRunAfterTheClose) {
  PluginActivity activity;
  activity.open();
  std::atomic<bool> closed{false};
  std::atomic<int> ran_after_close{0};
  std::atomic<bool> stop{false};
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&] {
      while (!stop) {
        if (const auto pass = activity.enter(); pass && closed) ++ran_after_close;
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  activity.close_and_wait();
  closed = true;
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  stop = true;
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(ran_after_close.load(), 0);
}

}  // namespace
}  // namespace killrvideo::host
