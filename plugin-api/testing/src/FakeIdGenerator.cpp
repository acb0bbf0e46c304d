#include "killrvideo/plugin/testing/FakeIdGenerator.h"

#include <cinttypes>
#include <cstdio>

namespace killrvideo::plugin::testing {

std::string FakeIdGenerator::uuid4() noexcept {
  const std::uint64_t n = ++uuid4_count_;
  char text[37];
  std::snprintf(text, sizeof text, "00000000-0000-4000-8000-%012" PRIx64, n & std::uint64_t{0xFFFF'FFFF'FFFF});
  return text;
}

std::string FakeIdGenerator::timeuuid() noexcept {
  const std::uint32_t n = ++timeuuid_count_;
  char text[37];
  std::snprintf(text, sizeof text, "%08" PRIx32 "-0000-1000-8000-000000000000", n);
  return text;
}

}  // namespace killrvideo::plugin::testing
