#include "data/embedded/VectorIndex.h"

// hnswlib defines non-inline functions in its headers: this must stay the only file of a binary that
// includes it.
#include <hnswlib/hnswlib.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <exception>
#include <fstream>
#include <mutex>
#include <shared_mutex>  // std::shared_lock
#include <stdexcept>
#include <thread>
#include <unordered_map>

#include "data/embedded/InOrderScoring.h"
#include "data/embedded/QuantizedVectors.h"
#include "data/embedded/RescoringCutoff.h"
#include "data/embedded/VectorIndexFile.h"
#include "data/embedded/WriterPreferringMutex.h"

namespace killrvideo::host::embedded {

namespace {

using Graph = hnswlib::HierarchicalNSW<float>;
using Candidate = QuantizedVectors::Candidate;

constexpr std::size_t kLinksPerNode = 16;          // hnswlib M
constexpr std::size_t kConstructionBreadth = 100;  // hnswlib ef_construction
// hnswlib searches with ef = max(this, asked): the graph is asked for this many candidates at least, the
// best of them by their bytes are scored exactly. In clustered data a query's true neighbours are a few of
// its cluster's many near-equidistant members: at 1,000,000 vectors (1,000 a cluster) ef 64 found 86% of
// them (tools/benchmarks/ANN.md).
constexpr std::size_t kSearchBreadth = 256;
constexpr std::size_t kInitialCapacity = 1024;
// Each filtered round asks the graph for this many times more candidates than the last.
constexpr std::size_t kFilterWidening = 4;
// A graph search computes several distances per candidate, so once a filtered round would ask for more
// than 1/kScanFraction of the index, the scan of the compressed codes is cheaper.
constexpr std::size_t kScanFraction = 16;
// The scan of the codes shortlists by their sign bits at least this fraction of the index (the true top 10
// of 100,000 random vectors are then kept about 98% of the time)...
constexpr std::size_t kShortlistFraction = 32;
// ...at least this many per result asked for...
constexpr std::size_t kShortlistPerResult = 16;
// ...and at least this many: in a smaller index the true top 10 stand out less from the rest (they are the
// top 0.1% of 10,000 but the top 0.01% of 100,000), and re-ranking a few thousand by their bytes is cheap.
constexpr std::size_t kShortlistFloor = 2048;
// Re-ranked by their bytes, the best k + margin + kExactlyScoredExtra are scored exactly, the margin being
// k for up to kFullMarginResults results (a small k's neighbours are few and the estimates' order among them
// is least sure) and k / 16 for a large k (1,000 results: 1,080 rows read, not 2,016). A wider margin
// for a large k found nothing more: k / 4 (1,266 rows) and k / 32 gave the same recall@1000 (0.9655
// clustered, 0.9587 random, tools/benchmarks/ANN.md), the byte estimates being close enough by then. Up to
// that many results, all are scored; beyond, RescoringCutoff may stop sooner.
constexpr std::size_t kFullMarginResults = 64;
constexpr std::size_t kExactlyScoredExtra = 16;
// A ranked read has no page state, so a client that wants more of an ANN answer asks again with a larger
// limit, up to the Data API's cap (the search plugin reads 100 rows, then 1,000 when all 100 are hits).
// A scan for at least kExtendableResults keeps its shortlist by the bits wide enough for kLargestRead, and
// the next scan of the same vector on unchanged codes starts from it: the sign bits and the selection
// over every vector are then paid once, not twice.
constexpr std::size_t kExtendableResults = 100;
constexpr std::size_t kLargestRead = 1000;
// New vectors beyond the scan budget wait for the graph in a batch of up to 1/kPendingFraction of the
// index (at least kPendingFloor): searches score the batch by its bytes (a 15,000-vector batch at 384
// costs well under a millisecond), and inserting a batch on every core amortises starting the threads.
constexpr std::size_t kPendingFraction = 64;
constexpr std::size_t kPendingFloor = 1024;
// Fewer insertions than this go on the calling thread alone: starting threads would cost more.
constexpr std::size_t kParallelInsertMinimum = 64;

// Four running sums: independent additions pipeline (several times faster than one chain), and the order
// stays fixed, so a given pair always scores the same. Products of floats are exact in double.
template <typename Term>
double sum_of(std::size_t dimension, Term term) noexcept {
  double sums[4] = {0, 0, 0, 0};
  std::size_t i = 0;
  for (; i + 4 <= dimension; i += 4)
    for (std::size_t lane = 0; lane < 4; ++lane) sums[lane] += term(i + lane);
  for (; i < dimension; ++i) sums[0] += term(i);
  return (sums[0] + sums[1]) + (sums[2] + sums[3]);
}

double dot(const float* a, const float* b, std::size_t dimension) noexcept {
  return sum_of(dimension, [a, b](std::size_t i) { return static_cast<double>(a[i]) * b[i]; });
}

double squared_distance(const float* a, const float* b, std::size_t dimension) noexcept {
  return sum_of(dimension, [a, b](std::size_t i) {
    const double difference = static_cast<double>(a[i]) - b[i];
    return difference * difference;
  });
}

// sqrt(|a|²·|b|²) rather than |a|·|b|: for a == b it is exactly |a|², so identical vectors score exactly 1.
double cosine(const float* a, double a_squared_norm, const float* b, double b_squared_norm,
              std::size_t dimension) noexcept {
  const double norms = std::sqrt(a_squared_norm * b_squared_norm);
  if (norms == 0) return 0;  // a zero vector has no direction; callers keep them out of cosine indexes
  return std::clamp(dot(a, b, dimension) / norms, -1.0, 1.0);
}

double cosine(const float* a, const float* b, std::size_t dimension) noexcept {
  return cosine(a, dot(a, a, dimension), b, dot(b, b, dimension), dimension);
}

// Cosine is ranked as inner product on unit vectors, so vectors and queries reach the codes normalised; the
// other metrics reach them as given.
class CodeInput {
 public:
  CodeInput(VectorMetric metric, const float* vector, std::size_t dimension) : data_(vector) {
    if (metric != VectorMetric::Cosine) return;
    const double norm = std::sqrt(dot(vector, vector, dimension));
    if (norm == 0) return;
    normalised_.resize(dimension);
    for (std::size_t i = 0; i < dimension; ++i) normalised_[i] = static_cast<float>(vector[i] / norm);
    data_ = normalised_.data();
  }
  const float* data() const noexcept { return data_; }

 private:
  std::vector<float> normalised_;
  const float* data_;
};

// What the graph stores for each vector — its slot in the codes, also its hnswlib label — and what its
// distance function is handed: two slots, or a query and a slot. A query travels as its address with the
// top bit set (user-space addresses never have it).
using GraphPoint = std::uint64_t;
constexpr GraphPoint kQueryTag = GraphPoint{1} << 63;

GraphPoint query_point(const QuantizedVectors::ByteQuery& query) noexcept {
  return kQueryTag | static_cast<GraphPoint>(reinterpret_cast<std::uintptr_t>(&query));
}

float graph_distance(const void* a, const void* b, const void* codes_pointer) {
  const auto& codes = *static_cast<const QuantizedVectors*>(codes_pointer);
  GraphPoint first = 0, second = 0;
  std::memcpy(&first, a, sizeof first);
  std::memcpy(&second, b, sizeof second);
  if (second & kQueryTag) std::swap(first, second);
  if (first & kQueryTag)
    return codes.query_distance(*reinterpret_cast<const QuantizedVectors::ByteQuery*>(first & ~kQueryTag), second);
  return codes.pair_distance(first, second);
}

// The graph compares vectors by their byte codes, so it holds no vectors of its own: 8 bytes a node beside
// its links.
class CodeSpace : public hnswlib::SpaceInterface<float> {
 public:
  explicit CodeSpace(const QuantizedVectors& codes) : codes_(codes) {}
  size_t get_data_size() override { return sizeof(GraphPoint); }
  hnswlib::DISTFUNC<float> get_dist_func() override { return graph_distance; }
  void* get_dist_func_param() override { return const_cast<QuantizedVectors*>(&codes_); }

 private:
  const QuantizedVectors& codes_;
};

// Most similar first; equal scores by id so that results are deterministic. A NaN score (a NaN component
// the caller let through) ranks last instead of breaking the sort's ordering.
bool ranks_before(const ScoredId& a, const ScoredId& b) noexcept {
  const bool a_nan = std::isnan(a.similarity);
  const bool b_nan = std::isnan(b.similarity);
  if (a_nan != b_nan) return b_nan;
  if (!a_nan && a.similarity != b.similarity) return a.similarity > b.similarity;
  return a.id < b.id;
}

// The `keep` first of [first, last) in order of `before`. A selection then a sort of the kept: partial_sort's
// heap costs several times more when, as here, nearly all are kept (1,000 of about 1,080).
template <typename Iterator, typename Before>
void sort_first(Iterator first, std::size_t keep, Iterator last, Before before) {
  const auto end = first + static_cast<std::ptrdiff_t>(keep);
  if (end != last) std::nth_element(first, end, last, before);
  std::sort(first, end, before);
}

std::vector<ScoredId> best(std::vector<ScoredId> scored, std::size_t k) {
  const auto keep = std::min(k, scored.size());
  sort_first(scored.begin(), keep, scored.end(), ranks_before);
  scored.resize(keep);
  return scored;
}

// hnswlib 0.6.2's loadIndex adds up the deleted slots without zeroing the count first, and searches skip
// deleted slots only when that count is non-zero.
void recount_deleted(Graph& graph) {
  graph.num_deleted_ = 0;
  for (hnswlib::tableint node = 0; node < graph.cur_element_count; ++node)
    if (graph.isMarkedDeleted(node)) ++graph.num_deleted_;
}

// Inserts every point into the graph on every core; hnswlib's addPoint is thread-safe for distinct labels.
// The graph must have room for them all.
void insert_in_parallel(Graph& graph, const std::vector<std::uint32_t>& slots) {
  std::size_t first = 0;
  if (graph.cur_element_count == 0 && !slots.empty()) {  // the entry point must exist before threads race
    const GraphPoint point = slots[0];
    graph.addPoint(&point, slots[0]);
    first = 1;
  }
  std::atomic<std::size_t> next{first};
  std::exception_ptr failure;
  std::mutex failure_lock;
  const auto work = [&] {
    try {
      for (auto at = next++; at < slots.size(); at = next++) {
        const GraphPoint point = slots[at];
        graph.addPoint(&point, slots[at]);
      }
    } catch (...) {
      std::lock_guard hold(failure_lock);
      failure = std::current_exception();
      next = slots.size();
    }
  };
  std::vector<std::thread> helpers;
  if (slots.size() - first >= kParallelInsertMinimum)
    for (unsigned core = 1; core < std::thread::hardware_concurrency(); ++core) helpers.emplace_back(work);
  work();
  for (auto& helper : helpers) helper.join();
  if (failure) std::rethrow_exception(failure);
}

// accept() may be costly (the engine may consult SQLite); widening rounds see the same ids again.
class RememberingFilter {
 public:
  explicit RememberingFilter(const std::function<bool(std::int64_t)>& accept) : accept_(accept) {}
  bool operator()(std::int64_t id) {
    const auto [verdict, inserted] = verdicts_.try_emplace(id, false);
    if (inserted) verdict->second = accept_(id);
    return verdict->second;
  }

 private:
  const std::function<bool(std::int64_t)>& accept_;
  std::unordered_map<std::int64_t, bool> verdicts_;
};

}  // namespace

bool parse_vector_metric(const std::string& text, VectorMetric& metric) noexcept {
  for (const auto candidate : {VectorMetric::Cosine, VectorMetric::DotProduct, VectorMetric::Euclidean}) {
    if (text == to_string(candidate)) {
      metric = candidate;
      return true;
    }
  }
  return false;
}

const char* to_string(VectorMetric metric) noexcept {
  switch (metric) {
    case VectorMetric::Cosine: return "cosine";
    case VectorMetric::DotProduct: return "dot_product";
    case VectorMetric::Euclidean: return "euclidean";
  }
  return "cosine";
}

float similarity(VectorMetric metric, const float* a, const float* b, std::size_t dimension) noexcept {
  switch (metric) {
    case VectorMetric::Cosine: return static_cast<float>((1 + cosine(a, b, dimension)) / 2);
    case VectorMetric::DotProduct: return static_cast<float>((1 + dot(a, b, dimension)) / 2);
    case VectorMetric::Euclidean: return static_cast<float>(1 / (1 + squared_distance(a, b, dimension)));
  }
  return 0;
}

namespace {

// One search's query with its squared norm, so that scoring a candidate does not recompute it.
struct ScoringQuery {
  ScoringQuery(const float* vector, std::size_t dimension)
      : vector(vector), squared_norm(dot(vector, vector, dimension)) {}
  const float* vector;
  double squared_norm;
};

}  // namespace

// Everything behind the lock. hnswlib 0.6.2 exposes its internals as public members; they are read here
// (label lookup, deletion marks, element count) because that version offers no accessor for them.
struct VectorIndex::State {
  State(std::size_t dimension, VectorMetric metric, std::size_t max_scanned_components)
      : dimension(dimension),
        metric(metric),
        max_scanned_components(max_scanned_components),
        codes(dimension, metric == VectorMetric::Euclidean ? VectorRanking::Euclidean : VectorRanking::InnerProduct),
        space(codes) {}

  void reset() {
    codes_changed();
    graph.reset();
    codes.clear();
    slots.clear();
    pending.clear();
    pending_mark.clear();
  }

  std::size_t live_count() const noexcept { return codes.live_count(); }
  bool within_scan_budget() const noexcept { return live_count() * dimension <= max_scanned_components; }
  bool in_graph(std::uint32_t slot) const { return graph && graph->label_lookup_.count(slot) != 0; }

  // Equal to similarity(metric, query, vector), with the query's squared norm known already.
  float similarity_to(const ScoringQuery& query, const std::vector<float>& vector) const {
    if (metric != VectorMetric::Cosine) return similarity(metric, query.vector, vector.data(), dimension);
    const double squared_norm = dot(vector.data(), vector.data(), dimension);
    return static_cast<float>((1 + cosine(query.vector, query.squared_norm, vector.data(), squared_norm, dimension)) / 2);
  }

  // --- writes ---

  std::uint32_t slot_for(std::int64_t id) {
    const auto [found, inserted] = slots.try_emplace(id, next_slot());
    return found->second;
  }

  std::uint32_t next_slot() const noexcept { return static_cast<std::uint32_t>(codes.slot_count()); }

  // A kept shortlist describes the codes as they were: any change to them retires it.
  void codes_changed() {
    std::lock_guard hold(kept_lock);
    kept_shortlist.reset();
  }

  void upsert(std::int64_t id, const float* code_input) {
    auto slot = slot_for(id);
    if (in_graph(slot)) {
      if (codes.holds(slot, code_input)) return;  // re-importing the same rows costs nothing
      slot = moved_out_of_graph(id, slot);
    }
    codes_changed();
    codes.store(slot, id, code_input);
    if (codes.centre_is_stale()) codes.recentre();
    if (!graph) {
      if (!within_scan_budget()) build_graph();
      return;
    }
    if (slot >= pending_mark.size()) pending_mark.resize(slot + 1, 0);
    if (!pending_mark[slot]) {
      pending_mark[slot] = 1;
      pending.push_back(slot);
    }
    if (pending.size() >= std::max(kPendingFloor, live_count() / kPendingFraction)) insert_pending();
  }

  // A vector of the graph that changes (or comes back after a removal) gets a new slot and waits in the
  // batch like a new one, joining the graph by an insertion that links it both ways; its old node stays
  // deleted. (hnswlib 0.6.2 can move a node in place, but links it only outwards: a vector moved far from
  // its old neighbours could not be reached.) Returns the new slot.
  std::uint32_t moved_out_of_graph(std::int64_t id, std::uint32_t slot) {
    if (codes.is_live(slot)) {
      codes.erase(slot);
      graph->markDelete(slot);
    }
    slots[id] = next_slot();
    return slots[id];
  }

  void remove(std::int64_t id) {
    const auto found = slots.find(id);
    if (found == slots.end() || !codes.is_live(found->second)) return;
    codes_changed();
    codes.erase(found->second);
    if (in_graph(found->second)) graph->markDelete(found->second);
  }

  void make_room(std::size_t count) {
    const auto needed = graph->cur_element_count + count;
    if (needed > graph->max_elements_) graph->resizeIndex(std::max(needed, graph->max_elements_ * 2));
  }

  // The index outgrew its scan budget (or was loaded without a graph beyond it): every live vector, at once.
  void build_graph() {
    std::vector<std::uint32_t> live;
    live.reserve(live_count());
    for (std::uint32_t slot = 0; slot < codes.slot_count(); ++slot)
      if (codes.is_live(slot)) live.push_back(slot);
    graph = std::make_unique<Graph>(&space, std::max(kInitialCapacity, live.size() + live.size() / 4), kLinksPerNode,
                                    kConstructionBreadth);
    graph->setEf(kSearchBreadth);
    insert_in_parallel(*graph, live);
    pending.clear();
    pending_mark.clear();
  }

  void insert_pending() {
    std::vector<std::uint32_t> live;
    for (const auto slot : pending)
      if (codes.is_live(slot)) live.push_back(slot);
    make_room(live.size());
    insert_in_parallel(*graph, live);
    pending.clear();
    pending_mark.clear();
  }

  // --- searches ---

  std::size_t exactly_scored(std::size_t k) const noexcept {
    return k + std::max(std::min(k, kFullMarginResults), k / 16) + kExactlyScoredExtra;
  }

  // The best candidates by their bytes, scored exactly against the vectors the lookups give (one thread
  // each), best estimate first, until RescoringCutoff says no later one can enter the k best. For a small k
  // every one of the exactly_scored(k) is scored, as the offsets seen on a few candidates say little about
  // the error.
  std::vector<ScoredId> score_exactly(const ScoringQuery& query, std::vector<Candidate> candidates, std::size_t k,
                                      const VectorLookups& lookups) const {
    const auto keep = std::min(exactly_scored(k), candidates.size());
    const auto estimated_higher = [](const Candidate& a, const Candidate& b) { return a.estimate > b.estimate; };
    // The scan's candidates come best first already; the graph's and the batch's do not.
    if (!std::is_sorted(candidates.begin(), candidates.end(), estimated_higher))
      sort_first(candidates.begin(), keep, candidates.end(), estimated_higher);
    RescoringCutoff cutoff(metric, k, exactly_scored(std::min(k, kFullMarginResults)));
    std::vector<std::vector<float>> vectors(lookups.size());
    const auto score = [&](std::size_t part, std::int64_t id, float& similarity) {
      if (!lookups[part](id, vectors[part]) || vectors[part].size() != dimension) return false;
      similarity = similarity_to(query, vectors[part]);
      return true;
    };
    return best(InOrderScoring(candidates, keep, cutoff).run(lookups.size(), score), k);
  }

  // Up to `count` nearest live slots by the graph; hnswlib widens its ef to `count` when that is larger
  // (it searches with max(ef, count)), so ef never has to change under a shared lock.
  std::vector<Candidate> graph_nearest(const QuantizedVectors::ByteQuery& byte_query, std::size_t count) const {
    const GraphPoint point = query_point(byte_query);
    auto found = graph->searchKnn(&point, count);
    std::vector<Candidate> candidates;
    candidates.reserve(found.size());
    for (; !found.empty(); found.pop()) {
      const auto slot = static_cast<std::size_t>(found.top().second);
      candidates.push_back({slot, codes.id_of(slot), -found.top().first});
    }
    return candidates;
  }

  std::vector<Candidate> pending_nearest(const float* code_query, std::size_t count,
                                         const std::function<bool(std::int64_t)>& accept) const {
    return codes.nearest_among(code_query, pending, count, accept);
  }

  std::vector<ScoredId> search(const ScoringQuery& query, const float* code_query, std::size_t k,
                               const VectorLookups& lookups) const {
    if (within_scan_budget() || !graph) return code_scan(query, code_query, k, lookups, {});
    const auto byte_query = codes.quantise_for_bytes(code_query);
    auto candidates = graph_nearest(byte_query, std::max(kSearchBreadth, exactly_scored(k)));
    for (const auto& waiting : pending_nearest(code_query, exactly_scored(k), {})) candidates.push_back(waiting);
    return score_exactly(query, std::move(candidates), k, lookups);
  }

  std::size_t shortlist_for(std::size_t k) const noexcept {
    return std::max({kShortlistFloor, k * kShortlistPerResult, live_count() / kShortlistFraction});
  }

  // An extendable scan's shortlist by the bits, and the query it was made for.
  struct KeptShortlist {
    std::vector<float> query;
    QuantizedVectors::BitShortlist bits;
  };

  // The compressed codes' best guesses, scored exactly.
  std::vector<ScoredId> code_scan(const ScoringQuery& query, const float* code_query, std::size_t k,
                                  const VectorLookups& lookups, const std::function<bool(std::int64_t)>& accept) const {
    if (accept) return score_exactly(query, codes.nearest(code_query, shortlist_for(k), exactly_scored(k), accept), k, lookups);
    if (const auto kept = kept_for(code_query, shortlist_for(k)))
      return score_exactly(query, codes.best_by_bytes(code_query, kept->bits, shortlist_for(k), exactly_scored(k)), k, lookups);
    // A read that may be followed by a larger one shortlists by the bits as widely as that one will, and
    // keeps the shortlist with its query.
    const bool extendable = k >= kExtendableResults;
    QuantizedVectors::BitShortlist bits;
    auto candidates = codes.best_by_bits_and_bytes(
        code_query, extendable ? std::max(shortlist_for(k), shortlist_for(kLargestRead)) : shortlist_for(k),
        shortlist_for(k), exactly_scored(k), bits);
    if (extendable) keep(code_query, std::move(bits));
    return score_exactly(query, std::move(candidates), k, lookups);
  }

  void keep(const float* code_query, QuantizedVectors::BitShortlist bits) const {
    auto kept = std::make_shared<const KeptShortlist>(
        KeptShortlist{std::vector<float>(code_query, code_query + dimension), std::move(bits)});
    std::lock_guard hold(kept_lock);
    kept_shortlist = std::move(kept);
  }

  // The kept shortlist when it was made for this query and holds at least `wanted`; else null.
  std::shared_ptr<const KeptShortlist> kept_for(const float* code_query, std::size_t wanted) const {
    std::lock_guard hold(kept_lock);
    if (kept_shortlist && kept_shortlist->bits.shortlist >= wanted &&
        std::equal(code_query, code_query + dimension, kept_shortlist->query.begin()))
      return kept_shortlist;
    return nullptr;
  }

  // The scan of the codes asks accept() as it goes. hnswlib 0.6.2 cannot filter inside the graph: ask it for
  // kFilterWidening× more candidates each round until k of them are accepted, the graph has nothing more to
  // give, or the scan becomes the cheaper way. The batch waiting for the graph is scanned alongside.
  std::vector<ScoredId> filtered_search(const ScoringQuery& query, const float* code_query, std::size_t k,
                                        const VectorLookups& lookups,
                                        const std::function<bool(std::int64_t)>& accept) const {
    if (within_scan_budget() || !graph) return code_scan(query, code_query, k, lookups, accept);
    RememberingFilter remembered(accept);
    const auto remembering = [&remembered](std::int64_t id) { return remembered(id); };
    const auto byte_query = codes.quantise_for_bytes(code_query);
    for (std::size_t wanted = k * kFilterWidening;; wanted *= kFilterWidening) {
      if (wanted > live_count() / kScanFraction) return code_scan(query, code_query, k, lookups, remembering);
      const auto found = graph_nearest(byte_query, wanted);
      std::vector<Candidate> accepted;
      for (const auto& candidate : found)
        if (remembered(candidate.id)) accepted.push_back(candidate);
      if (accepted.size() >= k || found.size() < wanted) {
        for (const auto& waiting : pending_nearest(code_query, exactly_scored(k), remembering))
          accepted.push_back(waiting);
        return score_exactly(query, std::move(accepted), k, lookups);
      }
    }
  }

  // --- loading ---

  // The loaded graph must hold only slots the codes know, deleted exactly where the codes are not live.
  bool graph_matches_codes(const Graph& loaded) const {
    for (hnswlib::tableint node = 0; node < loaded.cur_element_count; ++node) {
      const auto slot = loaded.getExternalLabel(node);
      if (slot >= codes.slot_count() || loaded.isMarkedDeleted(node) == codes.is_live(slot)) return false;
    }
    return true;
  }

  // After the codes were read: every id's slot (its live one, when an id moved out of the graph left
  // deleted ones behind), and the live slots the graph does not hold yet. False when an id has two live slots.
  bool index_slots() {
    for (std::uint32_t slot = 0; slot < codes.slot_count(); ++slot) {
      const auto [found, inserted] = slots.try_emplace(codes.id_of(slot), slot);
      if (inserted || !codes.is_live(slot)) continue;
      if (codes.is_live(found->second)) return false;
      found->second = slot;
    }
    if (!graph) return true;
    for (std::uint32_t slot = 0; slot < codes.slot_count(); ++slot)
      if (codes.is_live(slot) && !in_graph(slot)) {
        pending_mark.resize(slot + 1, 0);
        pending_mark[slot] = 1;
        pending.push_back(slot);
      }
    return true;
  }

  const std::size_t dimension;
  const VectorMetric metric;
  const std::size_t max_scanned_components;
  QuantizedVectors codes;  // one slot per id ever stored, and one more each time a vector of the graph changes
  CodeSpace space;         // declared after codes (it reads them) and before graph (which points into it)
  std::unique_ptr<Graph> graph;  // over the codes' slots; null while the index is within its scan budget
  std::unordered_map<std::int64_t, std::uint32_t> slots;  // every id ever stored, live or removed: its last slot
  std::vector<std::uint32_t> pending;      // live slots waiting to join the graph
  std::vector<std::uint8_t> pending_mark;  // by slot: in `pending`

  // The last extendable scan's shortlist by the bits (kExtendableResults).
  mutable std::mutex kept_lock;  // searches share `lock`: they take this one to read or replace the kept one
  mutable std::shared_ptr<const KeptShortlist> kept_shortlist;

  // Searches and saves share it; upserts, removes, clear and load exclude. accept() runs under it, shared,
  // and so must not call back into this index.
  mutable WriterPreferringMutex lock;
  mutable std::mutex save_lock;  // one save at a time writes the temp files
};

VectorIndex::VectorIndex(std::filesystem::path file, std::size_t dimension, VectorMetric metric,
                         std::size_t max_scanned_components)
    : state_(std::make_unique<State>(dimension, metric, max_scanned_components)),
      file_(std::move(file)),
      dimension_(dimension),
      metric_(metric) {}

VectorIndex::~VectorIndex() = default;

namespace {

bool file_matches(const std::filesystem::path& path, const vector_index_file::Digest& expected) {
  const auto digest = vector_index_file::digest_file(path);
  return digest && digest->bytes == expected.bytes && digest->checksum == expected.checksum;
}

}  // namespace

bool VectorIndex::load(std::uint64_t expected_stamp) {
  namespace files = vector_index_file;
  const auto meta = files::read_meta(files::meta_path(file_));
  if (!meta || meta->stamp != expected_stamp || meta->dimension != dimension_ ||
      meta->metric != static_cast<std::uint32_t>(metric_))
    return false;
  if (!file_matches(files::codes_path(file_), meta->codes)) return false;
  if (meta->has_graph && !file_matches(file_, meta->graph)) return false;

  std::unique_lock exclusive(state_->lock);
  state_->codes_changed();
  try {
    std::ifstream codes_in(files::codes_path(file_), std::ios::binary);
    if (!state_->codes.read(codes_in) || state_->codes.live_count() != meta->live_count) {
      state_->reset();
      return false;
    }
    if (meta->has_graph) {
      // The constructor that loads: if hnswlib throws half-way, no destructor frees its half-set pointers.
      auto graph = std::make_unique<Graph>(&state_->space, file_.string());
      recount_deleted(*graph);
      if (!state_->graph_matches_codes(*graph)) {
        state_->reset();
        return false;
      }
      graph->setEf(kSearchBreadth);
      state_->graph = std::move(graph);
    }
    if (!state_->index_slots()) {
      state_->reset();
      return false;
    }
    if (!state_->graph && !state_->within_scan_budget()) state_->build_graph();
    return true;
  } catch (const std::exception&) {
    state_->reset();
    return false;
  }
}

// Order matters for a crash at any point: the side file is removed before the others are replaced and
// written back last, so a side file only ever sits beside the files it describes (otherwise load() finds none).
void VectorIndex::save(std::uint64_t stamp) const {
  namespace files = vector_index_file;
  std::lock_guard one_save(state_->save_lock);
  std::shared_lock no_writes(state_->lock);

  const auto codes_file = files::codes_path(file_);
  const auto codes_temp = files::temp_path(codes_file);
  const auto graph_temp = files::temp_path(file_);
  const auto meta_file = files::meta_path(file_);
  const auto meta_temp = files::temp_path(meta_file);
  files::Meta meta{dimension_, static_cast<std::uint32_t>(metric_), state_->live_count(), stamp, 0, {}, {}};
  {
    std::ofstream out(codes_temp, std::ios::binary | std::ios::trunc);
    state_->codes.write(out);
    out.close();
    if (!out) throw std::runtime_error("vector index: cannot write " + codes_temp.string());
  }
  files::sync_to_disk(codes_temp);
  const auto read_back = [](const std::filesystem::path& path) {
    const auto digest = files::digest_file(path);
    if (!digest) throw std::runtime_error("vector index: cannot read back " + path.string());
    return *digest;
  };
  meta.codes = read_back(codes_temp);
  if (state_->graph) {
    state_->graph->saveIndex(graph_temp.string());
    files::sync_to_disk(graph_temp);
    meta.has_graph = 1;
    meta.graph = read_back(graph_temp);
  }
  files::write_meta(meta_temp, meta);

  std::filesystem::remove(meta_file);
  if (state_->graph)
    std::filesystem::rename(graph_temp, file_);
  else
    std::filesystem::remove(file_);
  std::filesystem::rename(codes_temp, codes_file);
  std::filesystem::rename(meta_temp, meta_file);
  files::sync_to_disk(file_.has_parent_path() ? file_.parent_path() : std::filesystem::path("."), true);
}

void VectorIndex::clear() {
  std::unique_lock exclusive(state_->lock);
  state_->reset();
}

void VectorIndex::upsert(std::int64_t id, const float* vector) {
  const CodeInput input(metric_, vector, dimension_);
  std::unique_lock exclusive(state_->lock);
  state_->upsert(id, input.data());
}

void VectorIndex::remove(std::int64_t id) {
  std::unique_lock exclusive(state_->lock);
  state_->remove(id);
}

std::size_t VectorIndex::size() const {
  std::shared_lock shared(state_->lock);
  return state_->live_count();
}

bool VectorIndex::has_graph() const {
  std::shared_lock shared(state_->lock);
  return state_->graph != nullptr;
}

std::vector<ScoredId> VectorIndex::search(const float* query, std::size_t k, const VectorLookups& lookups,
                                          const std::function<bool(std::int64_t)>& accept) const {
  const CodeInput input(metric_, query, dimension_);
  std::shared_lock shared(state_->lock);
  if (k == 0 || state_->live_count() == 0) return {};
  const ScoringQuery scoring(query, dimension_);
  if (!accept) return state_->search(scoring, input.data(), k, lookups);
  return state_->filtered_search(scoring, input.data(), k, lookups, accept);
}

}  // namespace killrvideo::host::embedded
