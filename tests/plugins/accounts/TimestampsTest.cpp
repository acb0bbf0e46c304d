// UTC text forms of instants: what the plugin writes and what it reads back from events and the store.
#include "Timestamps.h"

#include <gtest/gtest.h>

namespace {

using killrvideo::accounts::iso_timestamp;
using killrvideo::accounts::parse_iso_timestamp;
using killrvideo::accounts::utc_day;

constexpr std::int64_t kJune15 = 1'750'000'000'000;  // 2025-06-15T15:06:40Z

TEST(Timestamps, FormatsMillisecondsInUtc) {
  EXPECT_EQ(iso_timestamp(kJune15), "2025-06-15T15:06:40.000Z");
  EXPECT_EQ(iso_timestamp(kJune15 + 7), "2025-06-15T15:06:40.007Z");
  EXPECT_EQ(iso_timestamp(0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(iso_timestamp(-1), "1969-12-31T23:59:59.999Z");
}

TEST(Timestamps, DayIsTheUtcDate) {
  EXPECT_EQ(utc_day(kJune15), "2025-06-15");
  EXPECT_EQ(utc_day(951'782'400'000), "2000-02-29");
  EXPECT_EQ(utc_day(-1), "1969-12-31");
}

TEST(Timestamps, ParsesZuluFractionsAndOffsets) {
  EXPECT_EQ(parse_iso_timestamp("2025-06-15T15:06:40Z"), kJune15);
  EXPECT_EQ(parse_iso_timestamp("2025-06-15T15:06:40.5Z"), kJune15 + 500);
  EXPECT_EQ(parse_iso_timestamp("2025-06-15T15:06:40.123456Z"), kJune15 + 123);
  EXPECT_EQ(parse_iso_timestamp("2025-06-15T17:06:40+02:00"), kJune15);
  EXPECT_EQ(parse_iso_timestamp("2025-06-15T13:36:40-01:30"), kJune15);
}

TEST(Timestamps, RoundTrips) {
  EXPECT_EQ(parse_iso_timestamp(iso_timestamp(kJune15 + 999)), kJune15 + 999);
}

TEST(Timestamps, RefusesAnythingElse) {
  for (const char* text : {"", "2025-06-15", "2025-06-15T15:06:40", "2025-06-15 15:06:40Z", "2025-13-01T00:00:00Z",
                           "2025-02-29T00:00:00Z", "2025-06-15T24:00:00Z", "2025-06-15T15:06:40.Z",
                           "2025-06-15T15:06:40Zjunk", "2025-06-15T15:06:40+0200", "yesterday"}) {
    EXPECT_FALSE(parse_iso_timestamp(text).has_value()) << text;
  }
}

}  // namespace
