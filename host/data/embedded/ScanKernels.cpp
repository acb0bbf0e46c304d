#include "data/embedded/ScanKernels.h"

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace killrvideo::host::embedded {

namespace portable {

namespace {

float estimate_from(std::uint64_t weighted, const QueryPlanes& query, const SignTerms& terms, std::size_t slot) {
  const float over_set_bits = query.lowest * terms.set_bits[slot] + query.step * static_cast<float>(weighted);
  return terms.scale[slot] * (2 * over_set_bits - query.sum) - terms.penalty[slot];
}

}  // namespace

// Without a target attribute the compiler may not assume the POPCNT instruction and counts bits in software.
#if defined(__x86_64__)
__attribute__((target("popcnt")))
#endif
void sign_estimates(const std::uint64_t* bits, std::size_t first_block, std::size_t end_block, std::size_t words,
                    const QueryPlanes& query, const SignTerms& terms, float* out) noexcept {
  const std::uint64_t* planes = query.planes.data();
  bits += first_block * words * kBlockLanes;
  for (std::size_t block = first_block; block < end_block; ++block, bits += words * kBlockLanes) {
    for (std::size_t lane = 0; lane < kBlockLanes; ++lane) {
      std::uint64_t weighted = 0;
      for (std::size_t plane = 0; plane < kQueryPlanes; ++plane) {
        std::uint64_t count = 0;
        for (std::size_t word = 0; word < words; ++word)
          count += static_cast<std::uint64_t>(
              __builtin_popcountll(bits[word * kBlockLanes + lane] & planes[plane * words + word]));
        weighted += count << plane;
      }
      const std::size_t slot = block * kBlockLanes + lane;
      out[slot - first_block * kBlockLanes] = estimate_from(weighted, query, terms, slot);
    }
  }
}

// Branch-free: which scores clear is as unpredictable as the scores themselves.
std::size_t indexes_at_least(const float* scores, std::size_t count, float threshold, std::uint32_t* out) noexcept {
  std::size_t kept = 0;
  for (std::size_t i = 0; i < count; ++i) {
    out[kept] = static_cast<std::uint32_t>(i);
    kept += static_cast<std::size_t>(scores[i] >= threshold);
  }
  return kept;
}

std::int32_t byte_dot(const std::int16_t* query, const std::int8_t* codes, std::size_t dimension) noexcept {
  std::int32_t sum = 0;
  for (std::size_t i = 0; i < dimension; ++i) sum += query[i] * codes[i];
  return sum;
}

std::int32_t code_dot(const std::int8_t* a, const std::int8_t* b, std::size_t dimension) noexcept {
  std::int32_t sum = 0;
  for (std::size_t i = 0; i < dimension; ++i) sum += a[i] * b[i];
  return sum;
}

}  // namespace portable

namespace {

using EstimateKernel = void (*)(const std::uint64_t*, std::size_t, std::size_t, std::size_t, const QueryPlanes&,
                                const SignTerms&, float*);
using DotKernel = std::int32_t (*)(const std::int16_t*, const std::int8_t*, std::size_t);
using CodeDotKernel = std::int32_t (*)(const std::int8_t*, const std::int8_t*, std::size_t);
using SelectKernel = std::size_t (*)(const float*, std::size_t, float, std::uint32_t*);

#if defined(__x86_64__)
// GCC 12's AVX-512 headers build some results from a deliberately undefined register and then warn about
// it (GCC bug 105593); the warnings say nothing about this code.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"

// One register holds word w of a block's eight vectors; each plane's word is broadcast against it. The
// eight weighted counts then become eight estimates in one go.
__attribute__((target("avx512f,avx512dq,avx512vpopcntdq")))
void sign_estimates_avx512(const std::uint64_t* bits, std::size_t first_block, std::size_t end_block,
                           std::size_t words, const QueryPlanes& query, const SignTerms& terms, float* out) {
  const std::uint64_t* planes = query.planes.data();
  const __m256 lowest = _mm256_set1_ps(query.lowest);
  const __m256 step = _mm256_set1_ps(query.step);
  const __m256 sum = _mm256_set1_ps(query.sum);
  bits += first_block * words * kBlockLanes;
  for (std::size_t block = first_block; block < end_block; ++block, bits += words * kBlockLanes) {
    // Four named sums rather than an array: GCC 12 keeps an array of them in memory, not in registers.
    static_assert(kQueryPlanes == 4, "one sum per query plane");
    __m512i count0 = _mm512_setzero_si512(), count1 = _mm512_setzero_si512(), count2 = _mm512_setzero_si512(),
            count3 = _mm512_setzero_si512();
    for (std::size_t word = 0; word < words; ++word) {
      const __m512i signs = _mm512_loadu_si512(bits + word * kBlockLanes);
      const __m512i plane0 = _mm512_set1_epi64(static_cast<long long>(planes[word]));
      const __m512i plane1 = _mm512_set1_epi64(static_cast<long long>(planes[words + word]));
      const __m512i plane2 = _mm512_set1_epi64(static_cast<long long>(planes[2 * words + word]));
      const __m512i plane3 = _mm512_set1_epi64(static_cast<long long>(planes[3 * words + word]));
      count0 = _mm512_add_epi64(count0, _mm512_popcnt_epi64(_mm512_and_si512(signs, plane0)));
      count1 = _mm512_add_epi64(count1, _mm512_popcnt_epi64(_mm512_and_si512(signs, plane1)));
      count2 = _mm512_add_epi64(count2, _mm512_popcnt_epi64(_mm512_and_si512(signs, plane2)));
      count3 = _mm512_add_epi64(count3, _mm512_popcnt_epi64(_mm512_and_si512(signs, plane3)));
    }
    const __m512i low = _mm512_add_epi64(count0, _mm512_slli_epi64(count1, 1));
    const __m512i high = _mm512_add_epi64(_mm512_slli_epi64(count2, 2), _mm512_slli_epi64(count3, 3));
    const __m256 weighted = _mm512_cvtepi64_ps(_mm512_add_epi64(low, high));

    const std::size_t first = block * kBlockLanes;
    const __m256 over_set_bits =
        _mm256_add_ps(_mm256_mul_ps(lowest, _mm256_loadu_ps(terms.set_bits.data() + first)), _mm256_mul_ps(step, weighted));
    const __m256 signed_sum = _mm256_sub_ps(_mm256_add_ps(over_set_bits, over_set_bits), sum);
    const __m256 estimate = _mm256_sub_ps(_mm256_mul_ps(_mm256_loadu_ps(terms.scale.data() + first), signed_sum),
                                          _mm256_loadu_ps(terms.penalty.data() + first));
    _mm256_storeu_ps(out + (first - first_block * kBlockLanes), estimate);
  }
}

// Sixteen scores a step, their clearing indexes packed together by one compress-store.
__attribute__((target("avx512f")))
std::size_t indexes_at_least_avx512(const float* scores, std::size_t count, float threshold, std::uint32_t* out) {
  constexpr std::size_t kLanes = 16;
  const __m512 bar = _mm512_set1_ps(threshold);
  const __m512i lane_numbers = _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
  std::size_t kept = 0;
  std::size_t i = 0;
  for (; i + kLanes <= count; i += kLanes) {
    const __mmask16 clears = _mm512_cmp_ps_mask(_mm512_loadu_ps(scores + i), bar, _CMP_GE_OQ);
    const __m512i indexes = _mm512_add_epi32(lane_numbers, _mm512_set1_epi32(static_cast<int>(i)));
    _mm512_mask_compressstoreu_epi32(out + kept, clears, indexes);
    kept += static_cast<std::size_t>(__builtin_popcount(clears));
  }
  for (; i < count; ++i)
    if (scores[i] >= threshold) out[kept++] = static_cast<std::uint32_t>(i);
  return kept;
}

// 32 components a step: widen the codes to 16 bits, multiply-add pairs into 32-bit sums.
__attribute__((target("avx512f,avx512bw")))
std::int32_t byte_dot_avx512(const std::int16_t* query, const std::int8_t* codes, std::size_t dimension) {
  constexpr std::size_t kStep = 32;
  __m512i sums = _mm512_setzero_si512();
  std::size_t i = 0;
  for (; i + kStep <= dimension; i += kStep) {
    const __m512i wide_codes = _mm512_cvtepi8_epi16(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(codes + i)));
    sums = _mm512_add_epi32(sums, _mm512_madd_epi16(_mm512_loadu_si512(query + i), wide_codes));
  }
  std::int32_t sum = _mm512_reduce_add_epi32(sums);
  for (; i < dimension; ++i) sum += query[i] * codes[i];
  return sum;
}

// The same with both sides widened from bytes.
__attribute__((target("avx512f,avx512bw")))
std::int32_t code_dot_avx512(const std::int8_t* a, const std::int8_t* b, std::size_t dimension) {
  constexpr std::size_t kStep = 32;
  __m512i sums = _mm512_setzero_si512();
  std::size_t i = 0;
  for (; i + kStep <= dimension; i += kStep) {
    const __m512i wide_a = _mm512_cvtepi8_epi16(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(a + i)));
    const __m512i wide_b = _mm512_cvtepi8_epi16(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(b + i)));
    sums = _mm512_add_epi32(sums, _mm512_madd_epi16(wide_a, wide_b));
  }
  std::int32_t sum = _mm512_reduce_add_epi32(sums);
  for (; i < dimension; ++i) sum += a[i] * b[i];
  return sum;
}
#pragma GCC diagnostic pop
#endif

EstimateKernel chosen_estimate_kernel() noexcept {
#if defined(__x86_64__)
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq") &&
      __builtin_cpu_supports("avx512vpopcntdq"))
    return sign_estimates_avx512;
#endif
  return portable::sign_estimates;
}

DotKernel chosen_dot_kernel() noexcept {
#if defined(__x86_64__)
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw")) return byte_dot_avx512;
#endif
  return portable::byte_dot;
}

CodeDotKernel chosen_code_dot_kernel() noexcept {
#if defined(__x86_64__)
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw")) return code_dot_avx512;
#endif
  return portable::code_dot;
}

SelectKernel chosen_select_kernel() noexcept {
#if defined(__x86_64__)
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx512f")) return indexes_at_least_avx512;
#endif
  return portable::indexes_at_least;
}

}  // namespace

std::size_t indexes_at_least(const float* scores, std::size_t count, float threshold, std::uint32_t* out) noexcept {
  static const SelectKernel kernel = chosen_select_kernel();
  return kernel(scores, count, threshold, out);
}

void sign_estimates(const std::uint64_t* bits, std::size_t first_block, std::size_t end_block, std::size_t words,
                    const QueryPlanes& query, const SignTerms& terms, float* out) noexcept {
  static const EstimateKernel kernel = chosen_estimate_kernel();
  kernel(bits, first_block, end_block, words, query, terms, out);
}

std::int32_t byte_dot(const std::int16_t* query, const std::int8_t* codes, std::size_t dimension) noexcept {
  static const DotKernel kernel = chosen_dot_kernel();
  return kernel(query, codes, dimension);
}

std::int32_t code_dot(const std::int8_t* a, const std::int8_t* b, std::size_t dimension) noexcept {
  static const CodeDotKernel kernel = chosen_code_dot_kernel();
  return kernel(a, b, dimension);
}

}  // namespace killrvideo::host::embedded
