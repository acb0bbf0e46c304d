#include "data/embedded/QuantizedVectors.h"

#include "data/embedded/ParallelRanges.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <istream>
#include <limits>
#include <ostream>

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
// How many shortlisted vectors ahead the byte codes are requested from memory: 8 against 4, side by side
// through the server at 100,000 (a 1,000-hit search re-ranks 16,000): CPU ×0.96; 16 against 8: ×1.02.
constexpr std::size_t kPrefetchDistance = 8;
// A re-ranking of a whole kept shortlist (16,000 for a read of 1,000) is claimed 1,024 vectors at a time.
constexpr std::size_t kRerankedChunk = 1024;
constexpr float kNoVector = std::numeric_limits<float>::infinity();
// A scan is split over the cores in parts of at least this many blocks (16,384 vectors): below, starting a
// helper costs about what it saves.
constexpr std::size_t kMinBlocksPerPart = 2048;

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

// A part's share of a shortlist, in proportion to its blocks.
std::size_t share_of(std::size_t shortlist, std::size_t first_block, std::size_t end_block, std::size_t blocks) {
  return (shortlist * (end_block - first_block) + blocks - 1) / blocks;
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
  half_norms_.resize(slot_count, 0);
  pair_offsets_.resize(slot_count, 0);
  ids_.resize(slot_count, 0);
  live_.resize(slot_count, 0);
}

void QuantizedVectors::store(std::size_t slot, std::int64_t id, const float* vector) {
  grow_to(slot + 1);
  if (keeps_originals()) {
    originals_.resize(live_.size() * dimension_, 0.0f);
    std::copy(vector, vector + dimension_, originals_.begin() + static_cast<std::ptrdiff_t>(slot * dimension_));
  }
  if (!live_[slot]) ++live_count_;
  live_[slot] = 1;
  ids_[slot] = id;
  encode(slot, vector);
}

bool QuantizedVectors::holds(std::size_t slot, const float* vector) const {
  if (!is_live(slot)) return false;
  std::vector<std::int8_t> bytes(dimension_);
  const float scale = byte_codes(vector, bytes.data());
  return scale == byte_scales_[slot] && std::equal(bytes.begin(), bytes.end(), bytes_.data() + slot * dimension_);
}

bool QuantizedVectors::keeps_originals() const noexcept {
  return originals_complete_ && count_at_centring_ < kLastCentring;
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

bool QuantizedVectors::centre_is_stale() const noexcept {
  return live_count_ >= kFirstCentring && count_at_centring_ < kLastCentring && live_count_ >= 2 * count_at_centring_;
}

// The stored vector of a slot, or (without originals) what its bytes decode to around `old_centre`.
const float* QuantizedVectors::vector_for_recentring(std::size_t slot, const std::vector<float>& old_centre,
                                                     std::vector<float>& scratch) const {
  if (keeps_originals()) return originals_.data() + slot * dimension_;
  const std::int8_t* bytes = bytes_.data() + slot * dimension_;
  for (std::size_t i = 0; i < dimension_; ++i) scratch[i] = old_centre[i] + byte_scales_[slot] * bytes[i];
  return scratch.data();
}

void QuantizedVectors::recentre() {
  if (live_count_ == 0) return;
  const std::vector<float> old_centre = centre_;
  std::vector<float> scratch(dimension_);
  std::vector<double> sum(dimension_, 0.0);
  const auto slots = live_.size();
  for (std::size_t slot = 0; slot < slots; ++slot) {
    if (!live_[slot]) continue;
    const float* vector = vector_for_recentring(slot, old_centre, scratch);
    for (std::size_t i = 0; i < dimension_; ++i) sum[i] += vector[i];
  }
  for (std::size_t i = 0; i < dimension_; ++i)
    centre_[i] = static_cast<float>(sum[i] / static_cast<double>(live_count_));
  // Erased slots too: the graph still walks through them.
  for (std::size_t slot = 0; slot < slots; ++slot) {
    const float penalty = terms_.penalty[slot];
    encode(slot, vector_for_recentring(slot, old_centre, scratch));
    if (!live_[slot]) terms_.penalty[slot] = penalty;
  }
  count_at_centring_ = live_count_;
  if (!keeps_originals()) std::vector<float>().swap(originals_);
}

void QuantizedVectors::encode(std::size_t slot, const float* vector) {
  std::vector<std::uint64_t> bits(words_, 0);
  double l1 = 0, l2 = 0, norm = 0;
  for (std::size_t i = 0; i < dimension_; ++i) {
    const float residual = vector[i] - centre_[i];
    if (residual > 0) bits[i / kBitsPerWord] |= std::uint64_t{1} << (i % kBitsPerWord);
    l1 += std::fabs(residual);
    l2 += static_cast<double>(residual) * residual;
    norm += static_cast<double>(vector[i]) * vector[i];
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
  half_norms_[slot] = ranking_ == VectorRanking::Euclidean ? static_cast<float>(norm / 2) : 0.0f;
  terms_.penalty[slot] = half_norms_[slot];

  std::int8_t* bytes = bytes_.data() + slot * dimension_;
  byte_scales_[slot] = byte_codes(vector, bytes);
  double bytes_on_centre = 0;
  for (std::size_t i = 0; i < dimension_; ++i) bytes_on_centre += static_cast<double>(bytes[i]) * centre_[i];
  // x·y ≈ c·c + s_x(b_x·c) + s_y(b_y·c) + s_x·s_y(b_x·b_y): all but the last term and c·c, per slot.
  pair_offsets_[slot] = half_norms_[slot] - static_cast<float>(byte_scales_[slot] * bytes_on_centre);
}

// One byte per component of vector − centre, scaled to the largest; returns the scale (component − centre =
// byte × scale).
float QuantizedVectors::byte_codes(const float* vector, std::int8_t* bytes) const {
  float largest = 0;
  for (std::size_t i = 0; i < dimension_; ++i) largest = std::max(largest, std::fabs(vector[i] - centre_[i]));
  const float per_scale = largest > 0 ? kByteCodeLimit / largest : 0.0f;
  for (std::size_t i = 0; i < dimension_; ++i)
    bytes[i] = static_cast<std::int8_t>(std::clamp(rounded((vector[i] - centre_[i]) * per_scale), -kByteCodeLimit, kByteCodeLimit));
  return largest / kByteCodeLimit;
}

float QuantizedVectors::query_distance(const ByteQuery& query, std::size_t slot) const noexcept {
  const auto sum = byte_dot(query.values.data(), bytes_.data() + slot * dimension_, dimension_);
  return half_norms_[slot] - byte_scales_[slot] * query.scale * static_cast<float>(sum);
}

float QuantizedVectors::pair_distance(std::size_t a, std::size_t b) const noexcept {
  const auto sum = code_dot(bytes_.data() + a * dimension_, bytes_.data() + b * dimension_, dimension_);
  return pair_offsets_[a] + pair_offsets_[b] - byte_scales_[a] * byte_scales_[b] * static_cast<float>(sum);
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

// The estimated score from its sign bits of every slot of blocks [first_block, end_block), the first block's
// first slot at index 0; -infinity for a slot without a vector. q·c, the same for every vector, is left out.
std::vector<float> QuantizedVectors::bit_estimates(const QueryPlanes& planes, std::size_t first_block,
                                                   std::size_t end_block) const {
  std::vector<float> estimates((end_block - first_block) * kBlockLanes);
  sign_estimates(bits_.data(), first_block, end_block, words_, planes, terms_, estimates.data());
  estimates.resize(std::min(estimates.size(), live_.size() - first_block * kBlockLanes));
  return estimates;
}

// The `shortlist` best slots that accept() takes (slots counted from `first_slot`, estimates[0]'s). Without a
// filter one selection does; with one, slots are offered best first, in batches that double, until enough
// are accepted or none are left.
std::vector<ScoredSlot> QuantizedVectors::accepted_best(const std::vector<float>& estimates, std::size_t first_slot,
                                                        std::size_t shortlist,
                                                        const std::function<bool(std::int64_t)>& accept) const {
  auto in_index = [first_slot](std::vector<ScoredSlot> best) {
    for (auto& entry : best) entry.slot += static_cast<std::uint32_t>(first_slot);
    return best;
  };
  if (!accept) return in_index(highest_scores(estimates, shortlist));
  std::vector<ScoredSlot> accepted;
  std::size_t offered = 0;
  for (std::size_t batch = shortlist; accepted.size() < shortlist && offered < estimates.size(); batch *= 2) {
    // A wider selection holds the narrower one, so after sorting its first `offered` were offered before.
    auto best = in_index(highest_scores(estimates, offered + batch));
    std::sort(best.begin(), best.end(), scores_higher);
    for (auto entry = best.begin() + static_cast<std::ptrdiff_t>(offered);
         entry != best.end() && accepted.size() < shortlist; ++entry)
      if (accept(ids_[entry->slot])) accepted.push_back(*entry);
    if (best.size() == offered) break;
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

// The `count` best of `scored`, best first: a linear selection, then a sort of the kept only (a shortlist of
// 16,000 is cut to 1,080 for a search of 1,000).
std::vector<QuantizedVectors::Candidate> QuantizedVectors::best_candidates(std::vector<ScoredSlot> scored,
                                                                           std::size_t count) const {
  auto kept = highest_of(std::move(scored), count);
  std::sort(kept.begin(), kept.end(), scores_higher);
  std::vector<Candidate> candidates;
  candidates.reserve(kept.size());
  for (const auto& entry : kept) candidates.push_back({entry.slot, ids_[entry.slot], entry.score});
  return candidates;
}

std::size_t QuantizedVectors::block_count() const noexcept { return (live_.size() + kBlockLanes - 1) / kBlockLanes; }

std::vector<QuantizedVectors::Candidate> QuantizedVectors::nearest(const float* query, std::size_t shortlist,
                                                                   std::size_t count,
                                                                   const std::function<bool(std::int64_t)>& accept) const {
  if (live_count_ == 0 || count == 0) return {};
  shortlist = std::max(shortlist, count);
  if (!accept) {
    BitShortlist bits;
    return best_by_bits_and_bytes(query, shortlist, shortlist, count, bits);
  }
  // accept() may remember what it was asked (VectorIndex's filtered search): one thread asks it.
  const auto planes = query_planes(query, dimension_, words_);
  const auto blocks = block_count();
  return best_candidates(reranked(quantise_for_bytes(query), accepted_best(bit_estimates(planes, 0, blocks), 0, shortlist, accept), count),
                         count);
}

std::vector<QuantizedVectors::Candidate> QuantizedVectors::best_by_bits_and_bytes(const float* query, std::size_t bit_shortlist,
                                                                                 std::size_t shortlist, std::size_t count,
                                                                                 BitShortlist& bits) const {
  const auto planes = query_planes(query, dimension_, words_);
  const auto byte_query = quantise_for_bytes(query);
  const auto blocks = block_count();
  bits = BitShortlist{bit_shortlist, std::vector<std::vector<ScoredSlot>>(range_count(blocks, kMinBlocksPerPart))};
  std::vector<std::vector<ScoredSlot>> found(bits.parts.size());
  for_each_range(blocks, bits.parts.size(), [&](std::size_t part, std::size_t first_block, std::size_t end_block) {
    // Each part shortlists its share: the parts' best by the bits together are about the whole's best.
    bits.parts[part] = accepted_best(bit_estimates(planes, first_block, end_block), first_block * kBlockLanes,
                                     share_of(bit_shortlist, first_block, end_block, blocks), {});
    if (count > 0)
      found[part] = reranked(byte_query, highest_of(bits.parts[part], share_of(shortlist, first_block, end_block, blocks)), count);
  });
  return merged_best(std::move(found), count);
}

std::vector<QuantizedVectors::Candidate> QuantizedVectors::best_by_bytes(const float* query, const BitShortlist& bits,
                                                                         std::size_t shortlist, std::size_t count) const {
  if (live_count_ == 0 || count == 0) return {};
  const auto byte_query = quantise_for_bytes(query);
  if (shortlist >= bits.shortlist) return merged_best(all_reranked(byte_query, bits.parts, count), count);
  const auto blocks = block_count();
  std::vector<std::vector<ScoredSlot>> found(bits.parts.size());
  for_each_range(blocks, bits.parts.size(), [&](std::size_t part, std::size_t first_block, std::size_t end_block) {
    found[part] = reranked(byte_query, highest_of(bits.parts[part], share_of(shortlist, first_block, end_block, blocks)), count);
  });
  return merged_best(std::move(found), count);
}

std::vector<QuantizedVectors::Candidate> QuantizedVectors::merged_best(std::vector<std::vector<ScoredSlot>> parts,
                                                                       std::size_t count) const {
  if (parts.empty()) return {};
  for (std::size_t part = 1; part < parts.size(); ++part) parts[0].insert(parts[0].end(), parts[part].begin(), parts[part].end());
  return best_candidates(std::move(parts[0]), count);
}

// Every entry of `parts` re-ranked by their bytes, in chunks the threads claim (for_each_chunk): a helper
// that starts late or runs slow leaves its share to the others instead of being waited for. Each thread's
// `count` best, in no particular order.
std::vector<std::vector<ScoredSlot>> QuantizedVectors::all_reranked(const ByteQuery& byte_query,
                                                                    const std::vector<std::vector<ScoredSlot>>& parts,
                                                                    std::size_t count) const {
  std::vector<std::size_t> offsets{0};  // where each part begins in the parts' concatenation
  for (const auto& part : parts) offsets.push_back(offsets.back() + part.size());
  std::vector<std::vector<ScoredSlot>> scored(parts.size());
  for_each_chunk(
      offsets.back(), parts.size(), kRerankedChunk,
      [&](std::size_t worker, std::size_t begin, std::size_t end) {
        for (std::size_t part = 0; part < parts.size(); ++part) {
          const std::size_t first = std::max(begin, offsets[part]), last = std::min(end, offsets[part + 1]);
          if (first >= last) continue;
          const auto from = parts[part].begin() + static_cast<std::ptrdiff_t>(first - offsets[part]);
          auto& kept = scored[worker];
          kept.insert(kept.end(), from, from + static_cast<std::ptrdiff_t>(last - first));
          score_by_bytes(byte_query, kept.data() + kept.size() - (last - first), kept.data() + kept.size());
        }
      },
      [&](std::size_t worker) { scored[worker] = highest_of(std::move(scored[worker]), count); });
  return scored;
}

// Sets the score of each of [first, last) from its bytes. The entries are scattered over the codes: asking
// for a later vector's bytes while scoring this one keeps the memory busy instead of waiting on it.
void QuantizedVectors::score_by_bytes(const ByteQuery& byte_query, ScoredSlot* first, ScoredSlot* last) const {
  for (ScoredSlot* entry = first; entry != last; ++entry) {
    if (last - entry > static_cast<std::ptrdiff_t>(kPrefetchDistance)) prefetch_bytes(entry[kPrefetchDistance].slot);
    entry->score = byte_estimate(byte_query, entry->slot);
  }
}

// The shortlist `best` re-ranked by their bytes; the `count` best of those, in no particular order.
std::vector<ScoredSlot> QuantizedVectors::reranked(const ByteQuery& byte_query, std::vector<ScoredSlot> best,
                                                   std::size_t count) const {
  score_by_bytes(byte_query, best.data(), best.data() + best.size());
  return highest_of(std::move(best), count);
}

std::vector<QuantizedVectors::Candidate> QuantizedVectors::nearest_among(
    const float* query, const std::vector<std::uint32_t>& slots, std::size_t count,
    const std::function<bool(std::int64_t)>& accept) const {
  if (slots.empty() || count == 0) return {};
  const auto byte_query = quantise_for_bytes(query);
  std::vector<ScoredSlot> scored;
  for (std::size_t i = 0; i < slots.size(); ++i) {
    if (i + kPrefetchDistance < slots.size()) prefetch_bytes(slots[i + kPrefetchDistance]);
    const auto slot = slots[i];
    if (is_live(slot) && (!accept || accept(ids_[slot]))) scored.push_back({byte_estimate(byte_query, slot), slot});
  }
  return best_candidates(std::move(scored), count);
}

namespace {

constexpr std::uint64_t kCodesMagic = 0x3130534544'4F434BULL;  // "KCODES01", little-endian

template <typename Value>
void write_value(std::ostream& out, const Value& value) {
  out.write(reinterpret_cast<const char*>(&value), sizeof value);
}

template <typename Value>
void write_array(std::ostream& out, const std::vector<Value>& values) {
  write_value(out, static_cast<std::uint64_t>(values.size()));
  out.write(reinterpret_cast<const char*>(values.data()), static_cast<std::streamsize>(values.size() * sizeof(Value)));
}

template <typename Value>
bool read_value(std::istream& in, Value& value) {
  return static_cast<bool>(in.read(reinterpret_cast<char*>(&value), sizeof value));
}

// Only an array of exactly `expected` elements is accepted: nothing read is trusted to size an allocation.
template <typename Value>
bool read_array(std::istream& in, std::vector<Value>& values, std::uint64_t expected) {
  std::uint64_t size = 0;
  if (!read_value(in, size) || size != expected) return false;
  values.resize(size);
  return static_cast<bool>(in.read(reinterpret_cast<char*>(values.data()), static_cast<std::streamsize>(size * sizeof(Value))));
}

}  // namespace

void QuantizedVectors::write(std::ostream& out) const {
  write_value(out, kCodesMagic);
  write_value(out, static_cast<std::uint64_t>(dimension_));
  write_value(out, static_cast<std::uint64_t>(ranking_));
  write_value(out, static_cast<std::uint64_t>(live_.size()));
  write_value(out, static_cast<std::uint64_t>(count_at_centring_));
  write_array(out, centre_);
  write_array(out, bits_);
  write_array(out, bytes_);
  write_array(out, terms_.scale);
  write_array(out, terms_.set_bits);
  write_array(out, terms_.penalty);
  write_array(out, byte_scales_);
  write_array(out, half_norms_);
  write_array(out, pair_offsets_);
  write_array(out, ids_);
  write_array(out, live_);
}

bool QuantizedVectors::read(std::istream& in) {
  clear();
  std::uint64_t magic = 0, dimension = 0, ranking = 0, slots = 0, centred = 0;
  if (!read_value(in, magic) || magic != kCodesMagic || !read_value(in, dimension) || dimension != dimension_ ||
      !read_value(in, ranking) || ranking != static_cast<std::uint64_t>(ranking_) || !read_value(in, slots) ||
      !read_value(in, centred))
    return false;
  const auto padded = (slots + kBlockLanes - 1) / kBlockLanes * kBlockLanes;
  QuantizedVectors loaded(dimension_, ranking_);
  const bool complete =
      read_array(in, loaded.centre_, dimension_) && read_array(in, loaded.bits_, padded * words_) &&
      read_array(in, loaded.bytes_, slots * dimension_) && read_array(in, loaded.terms_.scale, padded) &&
      read_array(in, loaded.terms_.set_bits, padded) && read_array(in, loaded.terms_.penalty, padded) &&
      read_array(in, loaded.byte_scales_, slots) && read_array(in, loaded.half_norms_, slots) &&
      read_array(in, loaded.pair_offsets_, slots) && read_array(in, loaded.ids_, slots) &&
      read_array(in, loaded.live_, slots) && in.peek() == std::istream::traits_type::eof();
  if (!complete) return false;
  loaded.count_at_centring_ = static_cast<std::size_t>(centred);
  loaded.live_count_ = static_cast<std::size_t>(std::count(loaded.live_.begin(), loaded.live_.end(), std::uint8_t{1}));
  loaded.originals_complete_ = false;
  *this = std::move(loaded);
  return true;
}

}  // namespace killrvideo::host::embedded
