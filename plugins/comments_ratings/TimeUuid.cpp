#include "TimeUuid.h"

#include <charconv>
#include <string>

#include "killrvideo/plugin/Validation.h"

namespace killrvideo::comments_ratings {

namespace {

// 100-nanosecond intervals between the Gregorian reform (1582-10-15), where v1 clocks start, and 1970-01-01.
constexpr std::uint64_t kGregorianToUnixTicks = 0x01B21DD213814000ULL;
constexpr std::uint64_t kTicksPerMillisecond = 10'000;

std::uint64_t hex_field(std::string_view uuid, std::size_t offset, std::size_t length) {
  std::uint64_t value = 0;
  std::from_chars(uuid.data() + offset, uuid.data() + offset + length, value, 16);
  return value;
}

}  // namespace

std::optional<std::int64_t> timeuuid_epoch_ms(std::string_view uuid) {
  if (!plugin::is_canonical_uuid(uuid) || uuid[14] != '1') return std::nullopt;
  // time_low (8 hex) - time_mid (4) - version + time_hi (1 + 3)
  const std::uint64_t ticks = (hex_field(uuid, 15, 3) << 48) | (hex_field(uuid, 9, 4) << 32) | hex_field(uuid, 0, 8);
  if (ticks < kGregorianToUnixTicks) return std::nullopt;
  return static_cast<std::int64_t>((ticks - kGregorianToUnixTicks) / kTicksPerMillisecond);
}

}  // namespace killrvideo::comments_ratings
