#include "data/embedded/ScanKernels.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <tuple>
#include <vector>

namespace killrvideo::host::embedded {
namespace {

// Each test runs on what the dispatch picks on this CPU and on the portable code it falls back to elsewhere.
struct Kernels {
  const char* name;
  void (*sign_estimates)(const std::uint64_t*, std::size_t, std::size_t, std::size_t, const QueryPlanes&, const SignTerms&,
                         float*) noexcept;
  std::size_t (*indexes_at_least)(const float*, std::size_t, float, std::uint32_t*) noexcept;
  std::int32_t (*byte_dot)(const std::int16_t*, const std::int8_t*, std::size_t) noexcept;
  std::int32_t (*code_dot)(const std::int8_t*, const std::int8_t*, std::size_t) noexcept;
};

const Kernels kDispatched{"dispatched", &embedded::sign_estimates, &embedded::indexes_at_least, &embedded::byte_dot,
                              &embedded::code_dot};
const Kernels kPortable{"portable", &portable::sign_estimates, &portable::indexes_at_least, &portable::byte_dot,
                            &portable::code_dot};
const Kernels* const kBoth[] = {&kDispatched, &kPortable};

// What sign_estimates must equal, counted bit by bit, whichever instructions the CPU lends it.
double estimate_by_hand(const std::vector<std::uint64_t>& bits, std::size_t slot, std::size_t words,
                        const QueryPlanes& query, const SignTerms& terms) {
  double weighted = 0;
  for (std::size_t word = 0; word < words; ++word)
    for (std::size_t bit = 0; bit < 64; ++bit)
      for (std::size_t plane = 0; plane < kQueryPlanes; ++plane)
        if ((bits[sign_word_index(slot, word, words)] >> bit) & (query.planes[plane * words + word] >> bit) & 1U)
          weighted += 1U << plane;
  const double over_set_bits = query.lowest * terms.set_bits[slot] + query.step * weighted;
  return terms.scale[slot] * (2 * over_set_bits - query.sum) - terms.penalty[slot];
}

class SignEstimatesTest : public ::testing::TestWithParam<std::tuple<const Kernels*, std::size_t>> {};

TEST_P(SignEstimatesTest, EqualTheFormulaCountedBitByBit) {
  const Kernels& kernels = *std::get<0>(GetParam());
  const std::size_t words = std::get<1>(GetParam());
  const std::size_t slots = 3 * kBlockLanes;
  std::mt19937_64 generator(words);
  std::uniform_real_distribution<float> real(-1.0f, 1.0f);
  std::vector<std::uint64_t> bits(slots * words);
  for (auto& word : bits) word = generator();
  QueryPlanes query{std::vector<std::uint64_t>(kQueryPlanes * words), -0.5f, 0.07f, 1.5f};
  for (auto& word : query.planes) word = generator();
  SignTerms terms;
  for (std::size_t slot = 0; slot < slots; ++slot) {
    terms.scale.push_back(real(generator) + 1.5f);
    terms.set_bits.push_back(static_cast<float>(generator() % (64 * words)));
    terms.penalty.push_back(slot % 2 ? real(generator) : 0.0f);
  }
  std::vector<float> estimates(slots);

  kernels.sign_estimates(bits.data(), 0, slots / kBlockLanes, words, query, terms, estimates.data());
  // A scan split in parts: the middle block alone, written from the start of its own output.
  std::vector<float> middle(kBlockLanes);
  kernels.sign_estimates(bits.data(), 1, 2, words, query, terms, middle.data());

  for (std::size_t slot = 0; slot < slots; ++slot) {
    const double expected = estimate_by_hand(bits, slot, words, query, terms);
    EXPECT_NEAR(estimates[slot], expected, 1e-4 * std::max(1.0, std::fabs(expected))) << "slot " << slot;
  }
  for (std::size_t lane = 0; lane < kBlockLanes; ++lane)
    EXPECT_EQ(middle[lane], estimates[kBlockLanes + lane]) << "lane " << lane;
}

// 1 word (dimension ≤ 64), 6 (384, the embedder's), 16 (1024), 17 (an odd size past a register's 8).
INSTANTIATE_TEST_SUITE_P(KernelsAndWords, SignEstimatesTest,
                         ::testing::Combine(::testing::ValuesIn(kBoth), ::testing::Values(1, 6, 16, 17)),
                         [](const auto& info) {
                           return std::string(std::get<0>(info.param)->name) + "_" +
                                  std::to_string(std::get<1>(info.param)) + "_words";
                         });

TEST(SignEstimatesTest, ASlotWithoutAVectorEstimatesMinusInfinity) {
  std::vector<std::uint64_t> bits(kBlockLanes, ~std::uint64_t{0});
  const QueryPlanes query{std::vector<std::uint64_t>(kQueryPlanes, ~std::uint64_t{0}), 0.1f, 0.1f, 1.0f};
  SignTerms terms{std::vector<float>(kBlockLanes, 1.0f), std::vector<float>(kBlockLanes, 64.0f),
                  std::vector<float>(kBlockLanes, 0.0f)};
  terms.penalty[3] = std::numeric_limits<float>::infinity();
  std::vector<float> estimates(kBlockLanes);

  for (const auto* kernels : kBoth) {
    kernels->sign_estimates(bits.data(), 0, 1, 1, query, terms, estimates.data());
    EXPECT_TRUE(std::isinf(estimates[3]) && estimates[3] < 0) << kernels->name;
    EXPECT_TRUE(std::isfinite(estimates[2])) << kernels->name;
  }
}

TEST(IndexesAtLeastTest, AreEveryIndexWhoseScoreClearsInOrderWithATail) {
  std::mt19937 generator(3);
  std::normal_distribution<float> score;
  std::vector<float> scores(1000 + 7);  // not a whole number of registers
  for (auto& value : scores) value = score(generator);
  scores[5] = -std::numeric_limits<float>::infinity();
  scores[6] = 1.0f;  // exactly the threshold clears
  std::vector<std::uint32_t> expected;
  for (std::size_t i = 0; i < scores.size(); ++i)
    if (scores[i] >= 1.0f) expected.push_back(static_cast<std::uint32_t>(i));
  for (const auto* kernels : kBoth) {
    std::vector<std::uint32_t> found(scores.size());
    found.resize(kernels->indexes_at_least(scores.data(), scores.size(), 1.0f, found.data()));
    EXPECT_EQ(found, expected) << kernels->name;
  }
}

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
    for (const auto* kernels : kBoth)
      EXPECT_EQ(kernels->byte_dot(query.data(), codes.data(), dimension), expected)
          << kernels->name << ", dimension " << dimension;
  }
}

TEST(ByteDotTest, TheLargestValuesAtTheLargestDimensionDoNotOverflow) {
  const std::size_t dimension = 4096;
  const std::vector<std::int16_t> query(dimension, 2047);
  const std::vector<std::int8_t> codes(dimension, -127);
  for (const auto* kernels : kBoth)
    EXPECT_EQ(kernels->byte_dot(query.data(), codes.data(), dimension), -2047 * 127 * 4096) << kernels->name;
}

TEST(CodeDotTest, EqualsThePlainSumForEveryLengthIncludingATail) {
  std::mt19937 generator(8);
  std::uniform_int_distribution<int> code_value(-127, 127);
  for (const std::size_t dimension : {1u, 31u, 32u, 384u, 1000u, 4096u}) {
    std::vector<std::int8_t> a(dimension), b(dimension);
    std::int64_t expected = 0;
    for (std::size_t i = 0; i < dimension; ++i) {
      a[i] = static_cast<std::int8_t>(code_value(generator));
      b[i] = static_cast<std::int8_t>(code_value(generator));
      expected += a[i] * b[i];
    }
    for (const auto* kernels : kBoth)
      EXPECT_EQ(kernels->code_dot(a.data(), b.data(), dimension), expected)
          << kernels->name << ", dimension " << dimension;
  }
}

TEST(CodeDotTest, TheLargestValuesAtTheLargestDimensionDoNotOverflow) {
  const std::size_t dimension = 4096;
  const std::vector<std::int8_t> a(dimension, 127), b(dimension, -127);
  for (const auto* kernels : kBoth)
    EXPECT_EQ(kernels->code_dot(a.data(), b.data(), dimension), -127 * 127 * 4096) << kernels->name;
}

}  // namespace
}  // namespace killrvideo::host::embedded
