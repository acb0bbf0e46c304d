#include "http/RequestIds.h"

#include <cstdint>
#include <random>

namespace killrvideo::host {

std::string new_request_id() {
  thread_local std::mt19937_64 generator{std::random_device{}()};
  std::uint64_t high = generator();
  std::uint64_t low = generator();
  high = (high & ~0xF000ULL) | 0x4000ULL;                     // version 4
  low = (low & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;  // RFC 4122 variant
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string id(36, '-');
  std::size_t at = 0;
  const auto put = [&](std::uint64_t bits, int nibbles) {
    for (int shift = (nibbles - 1) * 4; shift >= 0; shift -= 4) {
      if (at == 8 || at == 13 || at == 18 || at == 23) ++at;
      id[at++] = kDigits[(bits >> shift) & 0xF];
    }
  };
  put(high, 16);
  put(low, 16);
  return id;
}

}  // namespace killrvideo::host
