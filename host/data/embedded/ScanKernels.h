#pragma once
// The inner loops of QuantizedVectors' scan. They run over every vector of an index on every query, so
// each picks the widest instructions this CPU has (AVX-512 with VPOPCNTDQ / BW, else plain x86-64) once,
// at first use, and answers the same on every CPU.

#include <cstddef>
#include <cstdint>

namespace killrvideo::host::embedded {

inline constexpr std::size_t kQueryPlanes = 4;
// Sign bits are stored in blocks of this many vectors, word-major: word w of the block's vectors sits side by
// side, so one 512-bit register holds the same word of eight vectors and no horizontal sums are needed.
inline constexpr std::size_t kBlockLanes = 8;

inline std::size_t sign_word_index(std::size_t slot, std::size_t word, std::size_t words) noexcept {
  return ((slot / kBlockLanes) * words + word) * kBlockLanes + slot % kBlockLanes;
}

// For each vector's sign bits b: Σ_j 2^j·popcount(b AND plane_j) over a 4-bit query's bit planes.
// `bits`: `blocks` blocks of kBlockLanes × `words`; `planes`: kQueryPlanes × `words`;
// `out`: blocks × kBlockLanes sums, slot order.
void weighted_popcounts(const std::uint64_t* bits, std::size_t blocks, std::size_t words, const std::uint64_t* planes,
                        std::uint32_t* out) noexcept;

// Σ query_i·codes_i over `dimension` components, in 32-bit integers (exact for |values| ≤ 127 and any
// dimension the Data API allows).
std::int32_t byte_dot(const std::int16_t* query, const std::int8_t* codes, std::size_t dimension) noexcept;

}  // namespace killrvideo::host::embedded
