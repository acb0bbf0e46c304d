#include "data/embedded/HighestScores.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <functional>
#include <limits>

#include "data/embedded/ScanKernels.h"

namespace killrvideo::host::embedded {

namespace {

constexpr std::size_t kSampleSize = 4096;
// The threshold aims this much wider than asked, so that a sample's error rarely leaves too few above it.
constexpr double kThresholdMargin = 1.25;
// highest_of cuts a list of at least twice this many keys, and this many times the count asked or more, at a
// sampled key first (a re-ranking keeps 1,080 of 8,000).
constexpr std::size_t kKeySampleSize = 512;
constexpr std::size_t kSampledFraction = 4;

// Every finite score ≥ threshold (-infinity never clears: the threshold is raised to the lowest float).
std::vector<ScoredSlot> at_least(const std::vector<float>& scores, float threshold) {
  threshold = std::max(threshold, std::numeric_limits<float>::lowest());
  std::vector<std::uint32_t> slots(scores.size());
  slots.resize(indexes_at_least(scores.data(), scores.size(), threshold, slots.data()));
  std::vector<ScoredSlot> kept;
  kept.reserve(slots.size());
  for (const auto slot : slots) kept.push_back({scores[slot], slot});
  return kept;
}

// Where in its stride the i-th sample is read. Not always the stride's first: slots are in insertion order,
// and data inserted in a repeating pattern (the synthetic catalogue's tags come round every 24 videos) made
// every stride-th score alike, so the threshold missed by half and the fallback ranked every score. A fixed
// scramble of the offset keeps the selection repeatable.
std::size_t scrambled_offset(std::size_t i, std::size_t stride) noexcept {
  return static_cast<std::size_t>((static_cast<std::uint32_t>(i) * 2654435761U) >> 16) % stride;
}

// A value that about `wanted` of `values` reach, read off a sample of `sample_size`, one in each stride.
template <typename Value>
Value sampled_threshold(const std::vector<Value>& values, std::size_t sample_size, std::size_t wanted) {
  const std::size_t stride = values.size() / sample_size;
  std::vector<Value> sample(sample_size);
  for (std::size_t i = 0; i < sample_size; ++i) sample[i] = values[i * stride + scrambled_offset(i, stride)];
  const auto rank = std::min(sample_size - 1, static_cast<std::size_t>(std::ceil(
                                                  kThresholdMargin * static_cast<double>(wanted) / static_cast<double>(stride))));
  std::nth_element(sample.begin(), sample.begin() + static_cast<std::ptrdiff_t>(rank), sample.end(), std::greater<>());
  return sample[rank];
}

// scores_higher's order as one integer, higher first: the score's bits made to order as the floats do, then
// the slot inverted (a lower slot ranks higher). Slots are distinct, so keys are.
std::uint64_t rank_key(const ScoredSlot& entry) noexcept {
  std::uint32_t bits = 0;
  std::memcpy(&bits, &entry.score, sizeof bits);
  bits = (bits & 0x80000000U) != 0 ? ~bits : (bits | 0x80000000U);
  return (static_cast<std::uint64_t>(bits) << 32) | static_cast<std::uint32_t>(~entry.slot);
}

// Keys at or above a key that about `wanted` of `keys` reach (read off a sample), when at least `wanted` are;
// else all of them. The selection then ranks a few more than asked instead of the whole list.
std::vector<std::uint64_t> likely_highest(std::vector<std::uint64_t> keys, std::size_t wanted) {
  const std::uint64_t threshold = sampled_threshold(keys, kKeySampleSize, wanted);
  std::vector<std::uint64_t> kept;
  kept.reserve(2 * wanted);
  for (const auto key : keys)
    if (key >= threshold) kept.push_back(key);
  return kept.size() >= wanted ? kept : keys;
}

}  // namespace

std::vector<ScoredSlot> highest_of(std::vector<ScoredSlot> scored, std::size_t count) {
  if (scored.size() <= count) return scored;
  if (count == 0) return {};
  // Selected as integers that order as scores_higher does: an order of two fields with a branch is several
  // times slower to select by, and the shortlists of a large read are thousands long.
  std::vector<std::uint64_t> keys(scored.size());
  for (std::size_t i = 0; i < scored.size(); ++i) keys[i] = rank_key(scored[i]);
  if (keys.size() >= 2 * kKeySampleSize && keys.size() >= kSampledFraction * count) keys = likely_highest(std::move(keys), count);
  std::nth_element(keys.begin(), keys.begin() + static_cast<std::ptrdiff_t>(count - 1), keys.end(), std::greater<>());
  const std::uint64_t last = keys[count - 1];
  scored.erase(std::remove_if(scored.begin(), scored.end(), [last](const ScoredSlot& entry) { return rank_key(entry) < last; }),
               scored.end());
  return scored;
}

std::vector<ScoredSlot> highest_scores(const std::vector<float>& scores, std::size_t count) {
  constexpr float kEverything = -std::numeric_limits<float>::infinity();
  if (scores.size() < 2 * kSampleSize || 4 * count >= scores.size())
    return highest_of(at_least(scores, kEverything), count);
  auto kept = at_least(scores, sampled_threshold(scores, kSampleSize, count));
  // The sample misjudged (or -infinity scores crowd it): fall back to ranking every finite score.
  if (kept.size() < count) kept = at_least(scores, kEverything);
  return highest_of(std::move(kept), count);
}

}  // namespace killrvideo::host::embedded
