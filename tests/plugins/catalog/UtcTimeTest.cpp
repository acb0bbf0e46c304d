#include <gtest/gtest.h>

#include <stdexcept>

#include "UtcTime.h"

namespace killrvideo::catalog {
namespace {

TEST(UtcTimeTest, FormatsMillisecondsAsIsoUtc) {
  EXPECT_EQ(iso_timestamp(1'750'000'000'000), "2025-06-15T15:06:40.000Z");
  EXPECT_EQ(iso_timestamp(1'750'000'000'123), "2025-06-15T15:06:40.123Z");
  EXPECT_EQ(iso_timestamp(0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(utc_day(1'750'000'000'000), "2025-06-15");
}

TEST(UtcTimeTest, ParsesFractionsAndOffsets) {
  EXPECT_EQ(parse_iso_timestamp("2025-06-15T15:06:40Z"), 1'750'000'000'000);
  EXPECT_EQ(parse_iso_timestamp("2025-06-15T15:06:40.1Z"), 1'750'000'000'100);
  EXPECT_EQ(parse_iso_timestamp("2025-06-15T15:06:40.123456Z"), 1'750'000'000'123);
  EXPECT_EQ(parse_iso_timestamp("2025-06-15T17:06:40+02:00"), 1'750'000'000'000);
}

TEST(UtcTimeTest, RefusesWhatIsNoTimestamp) {
  EXPECT_THROW(parse_iso_timestamp("2025-06-15"), std::invalid_argument);
  EXPECT_THROW(parse_iso_timestamp("2025-13-15T00:00:00Z"), std::invalid_argument);
  EXPECT_THROW(parse_iso_timestamp("yesterday"), std::invalid_argument);
}

}  // namespace
}  // namespace killrvideo::catalog
