#include <gtest/gtest.h>

#include "TimeUuid.h"

namespace killrvideo::comments_ratings {
namespace {

TEST(TimeUuidTest, AVersionOneIdCarriesItsMillisecond) {
  // A comment id of the KillrVideo export: 2025-11-04T22:24:31.992Z.
  EXPECT_EQ(timeuuid_epoch_ms("090f6644-b9cd-11f0-9a37-62bc60f3bc08"), 1762295071992);
}

TEST(TimeUuidTest, OtherVersionsAndMalformedTextHaveNoTime) {
  EXPECT_EQ(timeuuid_epoch_ms("5e1f3b0a-1c2d-4e5f-8a9b-0c1d2e3f4a5b"), std::nullopt);
  EXPECT_EQ(timeuuid_epoch_ms("090F6644-B9CD-11F0-9A37-62BC60F3BC08"), std::nullopt);
  EXPECT_EQ(timeuuid_epoch_ms("090f6644-b9cd-11f0-9a37"), std::nullopt);
  // Version 1 but before the Unix epoch.
  EXPECT_EQ(timeuuid_epoch_ms("00000001-0000-1000-8000-000000000000"), std::nullopt);
}

}  // namespace
}  // namespace killrvideo::comments_ratings
