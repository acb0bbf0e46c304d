#include "data/embedded/ScanKernels.h"

#include <gtest/gtest.h>

#include <random>
#include <vector>

namespace killrvideo::host::embedded {
namespace {

// What weighted_popcounts must equal, bit by bit, whichever instructions the CPU lends it.
std::uint32_t weighted_sum_by_hand(const std::vector<std::uint64_t>& bits, std::size_t slot, std::size_t words,
                                   const std::vector<std::uint64_t>& planes) {
  std::uint32_t sum = 0;
  for (std::size_t word = 0; word < words; ++word)
    for (std::size_t bit = 0; bit < 64; ++bit)
      for (std::size_t plane = 0; plane < kQueryPlanes; ++plane)
        if ((bits[sign_word_index(slot, word, words)] >> bit) & (planes[plane * words + word] >> bit) & 1U)
          sum += 1U << plane;
  return sum;
}

class WeightedPopcountTest : public ::testing::TestWithParam<std::size_t> {};

TEST_P(WeightedPopcountTest, EqualsTheSumCountedBitByBit) {
  const std::size_t words = GetParam();
  const std::size_t blocks = 3;
  std::mt19937_64 generator(words);
  std::vector<std::uint64_t> bits(blocks * kBlockLanes * words), planes(kQueryPlanes * words);
  for (auto& word : bits) word = generator();
  for (auto& word : planes) word = generator();
  std::vector<std::uint32_t> sums(blocks * kBlockLanes);

  weighted_popcounts(bits.data(), blocks, words, planes.data(), sums.data());

  for (std::size_t slot = 0; slot < sums.size(); ++slot)
    EXPECT_EQ(sums[slot], weighted_sum_by_hand(bits, slot, words, planes)) << "slot " << slot;
}

// 1 word (dimension ≤ 64), 6 (384, the embedder's), 16 (1024), 17 (an odd size past a register's 8).
INSTANTIATE_TEST_SUITE_P(Words, WeightedPopcountTest, ::testing::Values(1, 6, 16, 17));

TEST(ByteDotTest, EqualsThePlainSumForEveryLengthIncludingATail) {
  std::mt19937 generator(7);
  std::uniform_int_distribution<int> query_value(-2047, 2047), code_value(-127, 127);
  for (const std::size_t dimension : {1u, 31u, 32u, 384u, 1000u, 4096u}) {
    std::vector<std::int16_t> query(dimension);
    std::vector<std::int8_t> codes(dimension);
    std::int64_t expected = 0;
    for (std::size_t i = 0; i < dimension; ++i) {
      query[i] = static_cast<std::int16_t>(query_value(generator));
      codes[i] = static_cast<std::int8_t>(code_value(generator));
      expected += query[i] * codes[i];
    }
    EXPECT_EQ(byte_dot(query.data(), codes.data(), dimension), expected) << "dimension " << dimension;
  }
}

TEST(ByteDotTest, TheLargestValuesAtTheLargestDimensionDoNotOverflow) {
  const std::size_t dimension = 4096;
  const std::vector<std::int16_t> query(dimension, 2047);
  const std::vector<std::int8_t> codes(dimension, -127);
  EXPECT_EQ(byte_dot(query.data(), codes.data(), dimension), -2047 * 127 * 4096);
}

}  // namespace
}  // namespace killrvideo::host::embedded
