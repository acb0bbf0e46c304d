#include "http/ConnectionLimits.h"

#include <gtest/gtest.h>

namespace killrvideo::host {
namespace {

TEST(ConnectionLimits, CapsEachClientAndTheTotal) {
  ConnectionLimits limits(3, 2);
  EXPECT_TRUE(limits.admit("a"));
  EXPECT_TRUE(limits.admit("a"));
  EXPECT_FALSE(limits.admit("a")) << "a third from one client";
  EXPECT_TRUE(limits.admit("b"));
  EXPECT_FALSE(limits.admit("c")) << "a fourth in total";
  EXPECT_EQ(limits.open(), 3u);

  limits.release("a");
  EXPECT_TRUE(limits.admit("c"));
  EXPECT_EQ(limits.open(), 3u);
}

TEST(ConnectionLimits, ReleasingAnUnknownClientChangesNothing) {
  ConnectionLimits limits(1, 1);
  limits.release("nobody");
  EXPECT_TRUE(limits.admit("a"));
  EXPECT_EQ(limits.open(), 1u);
}

}  // namespace
}  // namespace killrvideo::host
