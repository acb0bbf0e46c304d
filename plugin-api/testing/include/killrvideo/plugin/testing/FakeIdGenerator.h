#pragma once
// Predictable ids: the n-th uuid4 is 00000000-0000-4000-8000-<n as 12 hex digits>, the n-th timeuuid is
// <n as 8 hex digits>-0000-1000-8000-000000000000. Both are valid lowercase UUIDs with the right version
// nibble and the RFC 4122 variant; the counter sits in the timeuuid's time_low, so later ids sort later
// on Cassandra's timeuuid order too.

#include <atomic>
#include <cstdint>
#include <string>

#include "killrvideo/plugin/HostServices.h"

namespace killrvideo::plugin::testing {

class FakeIdGenerator final : public IdGenerator {
 public:
  std::string uuid4() noexcept override;
  std::string timeuuid() noexcept override;

 private:
  std::atomic<std::uint64_t> uuid4_count_{0};
  std::atomic<std::uint32_t> timeuuid_count_{0};
};

}  // namespace killrvideo::plugin::testing
