#include "data/embedded/QuantizedVectors.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace killrvideo::host::embedded {

namespace {

constexpr std::size_t kBitsPerWord = 64;
constexpr int kByteCodeLimit = 127;
// The query's side of the byte codes' inner product: 12 bits keep every sum within 32 bits (ScanKernels.h).
constexpr float kByteQueryLimit = 2047;
// The centre is recomputed at 64, 128, ... vectors and last at 8,192: by then the mean is known to within
// 1/90 of the spread, and each re-centring re-encodes every vector while the index's writers wait.
constexpr std::size_t kFirstCentring = 64;
constexpr std::size_t kLastCentring = 8192;
// How many shortlisted vectors ahead the byte codes are requested from memory (measured: 2 to 8 do alike).
constexpr std::size_t kPrefetchDistance = 4;
constexpr float kNoVector = std::numeric_limits<float>::infinity();

// Nearest integer, halves away from zero (as std::lround) without a library call: encoding runs for every
// vector of an index at each re-centring.
int rounded(float value) noexcept { return static_cast<int>(value + (value >= 0 ? 0.5f : -0.5f)); }

QueryPlanes query_planes(const float* query, std::size_t dimension, std::size_t words) {
  QueryPlanes result;
  result.planes.assign(kQueryPlanes * words, 0);
  const auto [low, high] = std::minmax_element(query, query + dimension);
  result.lowest = *low;
  result.step = (*high - *low) / static_cast<float>((1 << kQueryPlanes) - 1);
  std::uint64_t level_sum = 0;
  for (std::size_t i = 0; i < dimension; ++i) {
    const auto level =
        result.step > 0 ? static_cast<std::uint32_t>(rounded((query[i] - result.lowest) / result.step)) : 0U;
    level_sum += level;
    for (std::size_t plane = 0; plane < kQueryPlanes; ++plane)
      if ((level >> plane) & 1U) result.planes[plane * words + i / kBitsPerWord] |= std::uint64_t{1} << (i % kBitsPerWord);
  }
  // The quantised sum, not the exact one: both halves of the estimate then err alike.
  result.sum = result.lowest * static_cast<float>(dimension) + result.step * static_cast<float>(level_sum);
  return result;
}

}  // namespace

QuantizedVectors::QuantizedVectors(std::size_t dimension, VectorRanking ranking)
    : dimension_(dimension),
      ranking_(ranking),
      words_((dimension + kBitsPerWord - 1) / kBitsPerWord),
      centre_(dimension, 0.0f) {}

void QuantizedVectors::grow_to(std::size_t slot_count) {
  if (slot_count <= live_.size()) return;
  const auto padded = (slot_count + kBlockLanes - 1) / kBlockLanes * kBlockLanes;
  bits_.resize(padded * words_, 0);
  terms_.scale.resize(padded, 0);
  terms_.set_bits.resize(padded, 0);
  terms_.penalty.resize(padded, kNoVector);
  bytes_.resize(slot_count * dimension_, 0);
  byte_scales_.resize(slot_count, 0);
  ids_.resize(slot_count, 0);
  live_.resize(slot_count, 0);
}

void QuantizedVectors::store(std::size_t slot, std::int64_t id, const float* vector) {
  grow_to(slot + 1);
  if (!live_[slot]) ++live_count_;
  live_[slot] = 1;
  ids_[slot] = id;
  encode(slot, vector);
}

void QuantizedVectors::erase(std::size_t slot) {
  if (slot >= live_.size() || !live_[slot]) return;
  live_[slot] = 0;
  terms_.penalty[slot] = kNoVector;
  --live_count_;
}

void QuantizedVectors::clear() {
  *this = QuantizedVectors(dimension_, ranking_);
}

void QuantizedVectors::adopt_centre(std::vector<float> centre, std::size_t centred_count) {
  if (centre.size() != dimension_) return;
  centre_ = std::move(centre);
  count_at_centring_ = centred_count;
}

bool QuantizedVectors::centre_is_stale() const noexcept {
  return live_count_ >= kFirstCentring && count_at_centring_ < kLastCentring && live_count_ >= 2 * count_at_centring_;
}

void QuantizedVectors::rebuild(const std::function<const float*(std::size_t)>& vector_of) {
  std::vector<double> sum(dimension_, 0.0);
  std::size_t counted = 0;
  const auto slots = live_.size();
  for (std::size_t slot = 0; slot < slots; ++slot) {
    const float* vector = live_[slot] ? vector_of(slot) : nullptr;
    if (!vector) continue;
    for (std::size_t i = 0; i < dimension_; ++i) sum[i] += vector[i];
    ++counted;
  }
  if (counted == 0) return;
  for (std::size_t i = 0; i < dimension_; ++i) centre_[i] = static_cast<float>(sum[i] / static_cast<double>(counted));
  for (std::size_t slot = 0; slot < slots; ++slot)
    if (const float* vector = live_[slot] ? vector_of(slot) : nullptr) encode(slot, vector);
  count_at_centring_ = live_count_;
}

void QuantizedVectors::encode(std::size_t slot, const float* vector) {
  std::vector<std::uint64_t> bits(words_, 0);
  double l1 = 0, l2 = 0, norm = 0;
  float largest = 0;
  for (std::size_t i = 0; i < dimension_; ++i) {
    const float residual = vector[i] - centre_[i];
    if (residual > 0) bits[i / kBitsPerWord] |= std::uint64_t{1} << (i % kBitsPerWord);
    l1 += std::fabs(residual);
    l2 += static_cast<double>(residual) * residual;
    norm += static_cast<double>(vector[i]) * vector[i];
    largest = std::max(largest, std::fabs(residual));
  }
  std::uint32_t set_bits = 0;
  for (std::size_t word = 0; word < words_; ++word) {
    bits_[sign_word_index(slot, word, words_)] = bits[word];
    set_bits += static_cast<std::uint32_t>(__builtin_popcountll(bits[word]));
  }
  // |x−c|² / |x−c|₁ turns the signs' inner product with q into an unbiased estimate of q·(x−c) (RaBitQ).
  terms_.scale[slot] = l1 > 0 ? static_cast<float>(l2 / l1) : 0.0f;
  terms_.set_bits[slot] = static_cast<float>(set_bits);
  // Ranking by −|q−x|²/2 = q·x − |x|²/2 − |q|²/2: the last term is the same for every x.
  terms_.penalty[slot] = ranking_ == VectorRanking::Euclidean ? static_cast<float>(norm / 2) : 0.0f;

  byte_scales_[slot] = largest / kByteCodeLimit;
  const float per_scale = largest > 0 ? kByteCodeLimit / largest : 0.0f;
  std::int8_t* bytes = bytes_.data() + slot * dimension_;
  for (std::size_t i = 0; i < dimension_; ++i)
    bytes[i] = static_cast<std::int8_t>(std::clamp(rounded((vector[i] - centre_[i]) * per_scale), -kByteCodeLimit, kByteCodeLimit));
}

QuantizedVectors::ByteQuery QuantizedVectors::quantise_for_bytes(const float* query) const {
  ByteQuery quantised;
  float largest = 0;
  for (std::size_t i = 0; i < dimension_; ++i) largest = std::max(largest, std::fabs(query[i]));
  quantised.scale = largest / kByteQueryLimit;
  quantised.values.resize(dimension_, 0);
  if (largest > 0)
    for (std::size_t i = 0; i < dimension_; ++i)
      quantised.values[i] = static_cast<std::int16_t>(rounded(query[i] / quantised.scale));
  return quantised;
}

// Every slot's estimated score from its sign bits, -infinity for a slot without a vector. q·c, the same for
// every vector, is left out.
std::vector<float> QuantizedVectors::bit_estimates(const float* query) const {
  const auto planes = query_planes(query, dimension_, words_);
  const auto blocks = terms_.scale.size() / kBlockLanes;
  std::vector<float> estimates(blocks * kBlockLanes);
  sign_estimates(bits_.data(), blocks, words_, planes, terms_, estimates.data());
  estimates.resize(live_.size());
  return estimates;
}

// The `shortlist` best slots that accept() takes. Without a filter one selection does; with one, slots are
// offered best first, in batches that double, until enough are accepted or none are left.
std::vector<ScoredSlot> QuantizedVectors::accepted_best(const std::vector<float>& estimates, std::size_t shortlist,
                                                        const std::function<bool(std::int64_t)>& accept) const {
  if (!accept) return highest_scores(estimates, shortlist);
  std::vector<ScoredSlot> accepted;
  std::size_t offered = 0;
  for (std::size_t batch = shortlist; accepted.size() < shortlist && offered < live_count_; batch *= 2) {
    // A wider selection holds the narrower one, so after sorting its first `offered` were offered before.
    auto best = highest_scores(estimates, offered + batch);
    std::sort(best.begin(), best.end(), scores_higher);
    for (auto entry = best.begin() + static_cast<std::ptrdiff_t>(offered);
         entry != best.end() && accepted.size() < shortlist; ++entry)
      if (accept(ids_[entry->slot])) accepted.push_back(*entry);
    offered = best.size();
  }
  return accepted;
}

void QuantizedVectors::prefetch_bytes(std::size_t slot) const noexcept {
  constexpr std::size_t kCacheLine = 64;
  const std::int8_t* bytes = bytes_.data() + slot * dimension_;
  for (std::size_t offset = 0; offset < dimension_; offset += kCacheLine) __builtin_prefetch(bytes + offset);
}

float QuantizedVectors::byte_estimate(const ByteQuery& query, std::size_t slot) const {
  const auto sum = byte_dot(query.values.data(), bytes_.data() + slot * dimension_, dimension_);
  return byte_scales_[slot] * query.scale * static_cast<float>(sum) - terms_.penalty[slot];
}

std::vector<QuantizedVectors::Candidate> QuantizedVectors::nearest(const float* query, std::size_t shortlist,
                                                                   std::size_t count,
                                                                   const std::function<bool(std::int64_t)>& accept) const {
  if (live_count_ == 0 || count == 0) return {};
  auto best = accepted_best(bit_estimates(query), std::max(shortlist, count), accept);
  const auto byte_query = quantise_for_bytes(query);
  // The shortlist is scattered over the codes: asking for a later vector's bytes while scoring this one
  // keeps the memory busy instead of waiting on it.
  for (std::size_t i = 0; i < best.size(); ++i) {
    if (i + kPrefetchDistance < best.size()) prefetch_bytes(best[i + kPrefetchDistance].slot);
    best[i].score = byte_estimate(byte_query, best[i].slot);
  }
  const auto keep = std::min(count, best.size());
  std::partial_sort(best.begin(), best.begin() + static_cast<std::ptrdiff_t>(keep), best.end(), scores_higher);
  std::vector<Candidate> candidates;
  candidates.reserve(keep);
  for (std::size_t i = 0; i < keep; ++i) candidates.push_back({best[i].slot, ids_[best[i].slot]});
  return candidates;
}

}  // namespace killrvideo::host::embedded
