#pragma once
// The inner loops of QuantizedVectors' scan. They run over every vector of an index on every query, so
// each picks the widest instructions this CPU has (AVX-512 with VPOPCNTDQ / BW, else plain x86-64) once,
// at first use. Both answer alike, up to the rounding of the last float operations.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace killrvideo::host::embedded {

inline constexpr std::size_t kQueryPlanes = 4;
// Sign bits are stored in blocks of this many vectors, word-major: word w of the block's vectors sits side by
// side, so one 512-bit register holds the same word of eight vectors and no horizontal sums are needed.
inline constexpr std::size_t kBlockLanes = 8;

inline std::size_t sign_word_index(std::size_t slot, std::size_t word, std::size_t words) noexcept {
  return ((slot / kBlockLanes) * words + word) * kBlockLanes + slot % kBlockLanes;
}

// A query quantised to 4 bits a component, as bit planes: component i ≈ lowest + step·Σ_j 2^j·plane_j[i].
struct QueryPlanes {
  std::vector<std::uint64_t> planes;  // kQueryPlanes × words
  float lowest = 0;
  float step = 0;
  float sum = 0;  // Σ of the quantised components
};

// Per vector (slot order, padded to whole blocks): the estimate of its score from its sign bits b is
//   scale · (2·Σ_{i: b_i=1} q_i − Σ q_i) − penalty,  where Σ_{i: b_i=1} q_i = lowest·set_bits + step·W
// and W = Σ_j 2^j·popcount(b AND plane_j). A penalty of +infinity marks a slot without a vector.
struct SignTerms {
  std::vector<float> scale;
  std::vector<float> set_bits;
  std::vector<float> penalty;
};

// The estimate of every slot of blocks [first_block, end_block) of sign bits (`words` words a vector; `bits`
// and `terms` start at block 0) into `out`, which starts at the first block's first slot.
void sign_estimates(const std::uint64_t* bits, std::size_t first_block, std::size_t end_block, std::size_t words,
                    const QueryPlanes& query, const SignTerms& terms, float* out) noexcept;

// Writes the index of every score ≥ threshold to `out` (room for `count`), in order; returns how many.
std::size_t indexes_at_least(const float* scores, std::size_t count, float threshold, std::uint32_t* out) noexcept;

// Σ query_i·codes_i over `dimension` components, in 32-bit integers (exact for |query_i| ≤ 2047,
// |codes_i| ≤ 127 and dimension ≤ 4096, the Data API's largest).
std::int32_t byte_dot(const std::int16_t* query, const std::int8_t* codes, std::size_t dimension) noexcept;

// Σ a_i·b_i of two vectors' byte codes (|a_i|, |b_i| ≤ 127): what the graph over the codes compares two
// stored vectors by.
std::int32_t code_dot(const std::int8_t* a, const std::int8_t* b, std::size_t dimension) noexcept;

// The same four in plain x86-64 (POPCNT) code: what runs where AVX-512 is missing. Declared here so that
// tests check them on machines where the dispatch above never picks them.
namespace portable {
void sign_estimates(const std::uint64_t* bits, std::size_t first_block, std::size_t end_block, std::size_t words,
                    const QueryPlanes& query, const SignTerms& terms, float* out) noexcept;
std::size_t indexes_at_least(const float* scores, std::size_t count, float threshold, std::uint32_t* out) noexcept;
std::int32_t byte_dot(const std::int16_t* query, const std::int8_t* codes, std::size_t dimension) noexcept;
std::int32_t code_dot(const std::int8_t* a, const std::int8_t* b, std::size_t dimension) noexcept;
}  // namespace portable

}  // namespace killrvideo::host::embedded
