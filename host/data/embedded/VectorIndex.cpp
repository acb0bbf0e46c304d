#include "data/embedded/VectorIndex.h"

// hnswlib defines non-inline functions in its headers: this must stay the only file of a binary that
// includes it.
#include <hnswlib/hnswlib.h>

#include <algorithm>
#include <cmath>
#include <mutex>
#include <shared_mutex>  // std::shared_lock
#include <stdexcept>
#include <unordered_map>

#include "data/embedded/QuantizedVectors.h"
#include "data/embedded/VectorIndexFile.h"
#include "data/embedded/WriterPreferringMutex.h"

namespace killrvideo::host::embedded {

namespace {

using Graph = hnswlib::HierarchicalNSW<float>;
using GraphSpace = hnswlib::SpaceInterface<float>;

constexpr std::size_t kLinksPerNode = 16;          // hnswlib M
constexpr std::size_t kConstructionBreadth = 200;  // hnswlib ef_construction
// hnswlib searches with ef = max(this, k): the floor that keeps recall high for small k.
constexpr std::size_t kSearchBreadth = 64;
constexpr std::size_t kInitialCapacity = 1024;
// Each filtered round asks the graph for this many times more candidates than the last.
constexpr std::size_t kFilterWidening = 4;
// A filtered search over at most this many vectors scans them all: exact, and cheap at this size.
constexpr std::size_t kExactScanLimit = 2048;
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
// Re-ranked by their bytes, this many per result asked (plus a few) are scored exactly.
constexpr std::size_t kExactlyScoredPerResult = 2;
constexpr std::size_t kExactlyScoredExtra = 16;

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
// Searches pass the squared norms they already know, so a candidate costs one dot product, not three.
double cosine(const float* a, double a_squared_norm, const float* b, double b_squared_norm,
              std::size_t dimension) noexcept {
  const double norms = std::sqrt(a_squared_norm * b_squared_norm);
  if (norms == 0) return 0;  // a zero vector has no direction; callers keep them out of cosine indexes
  return std::clamp(dot(a, b, dimension) / norms, -1.0, 1.0);
}

double cosine(const float* a, const float* b, std::size_t dimension) noexcept {
  return cosine(a, dot(a, a, dimension), b, dot(b, b, dimension), dimension);
}

// hnswlib's hnswlib::labeltype is size_t; rowids are int64. The cast round-trips every value.
hnswlib::labeltype to_label(std::int64_t id) noexcept { return static_cast<hnswlib::labeltype>(id); }
std::int64_t to_id(hnswlib::labeltype label) noexcept { return static_cast<std::int64_t>(label); }

// Cosine is searched as inner product on unit vectors (hnswlib compares 1 − a·b), so vectors and queries
// reach the graph normalised; the other metrics reach it as given.
class GraphInput {
 public:
  GraphInput(VectorMetric metric, const float* vector, std::size_t dimension) : data_(vector) {
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

// Most similar first; equal scores by id so that results are deterministic. A NaN score (a NaN component
// the caller let through) ranks last instead of breaking the sort's ordering.
bool ranks_before(const ScoredId& a, const ScoredId& b) noexcept {
  const bool a_nan = std::isnan(a.similarity);
  const bool b_nan = std::isnan(b.similarity);
  if (a_nan != b_nan) return b_nan;
  if (!a_nan && a.similarity != b.similarity) return a.similarity > b.similarity;
  return a.id < b.id;
}

std::vector<ScoredId> best(std::vector<ScoredId> scored, std::size_t k) {
  const auto keep = std::min(k, scored.size());
  std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(keep), scored.end(), ranks_before);
  scored.resize(keep);
  return scored;
}

// hnswlib 0.6.2's loadIndex adds up the deleted slots without zeroing the count first, and searches skip
// deleted slots only when that count is non-zero.
void recount_deleted(Graph& graph) {
  graph.num_deleted_ = 0;
  for (hnswlib::tableint slot = 0; slot < graph.cur_element_count; ++slot)
    if (graph.isMarkedDeleted(slot)) ++graph.num_deleted_;
}

std::unique_ptr<GraphSpace> make_space(VectorMetric metric, std::size_t dimension) {
  if (metric == VectorMetric::Euclidean) return std::make_unique<hnswlib::L2Space>(dimension);
  return std::make_unique<hnswlib::InnerProductSpace>(dimension);
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
// (label lookup, deletion marks, stored vectors) because that version offers no accessor for them.
struct VectorIndex::State {
  State(std::size_t dimension, VectorMetric metric, std::size_t max_scanned_components)
      : dimension(dimension),
        metric(metric),
        ranking(metric == VectorMetric::Euclidean ? VectorRanking::Euclidean : VectorRanking::InnerProduct),
        max_scanned_components(max_scanned_components),
        space(make_space(metric, dimension)),
        codes(dimension, ranking) {
    reset();
  }

  void reset() {
    graph = std::make_unique<Graph>(space.get(), kInitialCapacity, kLinksPerNode, kConstructionBreadth);
    graph->setEf(kSearchBreadth);
    live_count = 0;
    codes.clear();
    stored_squared_norms.clear();
  }

  // The vector hnswlib stores in a slot (normalised for cosine): what the codes are made from.
  const float* stored_vector(std::size_t slot) const {
    return reinterpret_cast<const float*>(graph->getDataByInternalId(static_cast<hnswlib::tableint>(slot)));
  }

  // Equal to similarity(metric, query, stored_vector(slot)), with the two norms cosine needs known already.
  float similarity_to(const ScoringQuery& query, std::size_t slot) const {
    const float* stored = stored_vector(slot);
    if (metric != VectorMetric::Cosine) return similarity(metric, query.vector, stored, dimension);
    return static_cast<float>(
        (1 + cosine(query.vector, query.squared_norm, stored, stored_squared_norms[slot], dimension)) / 2);
  }

  void remember_norm(std::size_t slot) {
    if (slot >= stored_squared_norms.size()) stored_squared_norms.resize(std::max(slot + 1, graph->max_elements_));
    const float* stored = stored_vector(slot);
    stored_squared_norms[slot] = dot(stored, stored, dimension);
  }

  void store_codes(std::size_t slot, std::int64_t id) {
    remember_norm(slot);
    codes.store(slot, id, stored_vector(slot));
    if (codes.centre_is_stale())
      codes.rebuild([this](std::size_t at) { return stored_vector(at); });
  }

  // After a load: the codes of every live slot, around the centre they had when saved.
  void recode_all(std::vector<float> centre, std::size_t centred_count) {
    codes.clear();
    codes.adopt_centre(std::move(centre), centred_count);
    for (hnswlib::tableint slot = 0; slot < graph->cur_element_count; ++slot)
      if (!graph->isMarkedDeleted(slot)) {
        remember_norm(slot);
        codes.store(slot, to_id(graph->getExternalLabel(slot)), stored_vector(slot));
      }
  }

  bool is_live(hnswlib::labeltype label) const {
    const auto found = graph->label_lookup_.find(label);
    return found != graph->label_lookup_.end() && !graph->isMarkedDeleted(found->second);
  }

  void upsert(std::int64_t id, const float* graph_vector) {
    const auto label = to_label(id);
    const bool known = graph->label_lookup_.count(label) != 0;
    const bool was_live = known && is_live(label);
    if (!known && graph->cur_element_count == graph->max_elements_) graph->resizeIndex(2 * graph->max_elements_);
    // With a known label, even a deleted one, hnswlib unmarks it and moves it to the new vector in place.
    graph->addPoint(graph_vector, label);
    if (!was_live) ++live_count;
    store_codes(graph->label_lookup_.at(label), id);
  }

  void remove(std::int64_t id) {
    const auto label = to_label(id);
    if (!is_live(label)) return;
    graph->markDelete(label);
    codes.erase(graph->label_lookup_.at(label));
    --live_count;
  }

  // Scores against the stored vector with similarity() itself, so a result carries the exact $similarity
  // (for cosine, against the normalised copy — equal up to float rounding) rather than hnswlib's distance.
  ScoredId score(const ScoringQuery& query, hnswlib::labeltype label) const {
    return {to_id(label), similarity_to(query, graph->label_lookup_.at(label))};
  }

  // Up to `count` approximate nearest labels; asking for more than kSearchBreadth widens hnswlib's ef to
  // `count` (it searches with max(ef, count)), so ef never has to change under a shared lock.
  std::vector<hnswlib::labeltype> approximate_nearest(const float* graph_query, std::size_t count) const {
    auto found = graph->searchKnn(graph_query, count);
    std::vector<hnswlib::labeltype> labels;
    labels.reserve(found.size());
    for (; !found.empty(); found.pop()) labels.push_back(found.top().second);
    return labels;
  }

  bool scans_codes() const noexcept { return live_count * dimension <= max_scanned_components; }

  std::vector<ScoredId> search(const ScoringQuery& query, const float* graph_query, std::size_t k) const {
    if (scans_codes()) return code_scan(query, graph_query, k, {});
    std::vector<ScoredId> scored;
    for (const auto label : approximate_nearest(graph_query, k)) scored.push_back(score(query, label));
    return best(std::move(scored), k);
  }

  // The compressed codes' best guesses, scored exactly against the stored vectors.
  std::vector<ScoredId> code_scan(const ScoringQuery& query, const float* graph_query, std::size_t k,
                                  const std::function<bool(std::int64_t)>& accept) const {
    const auto shortlist = std::max({kShortlistFloor, k * kShortlistPerResult, live_count / kShortlistFraction});
    const auto exactly_scored = k * kExactlyScoredPerResult + kExactlyScoredExtra;
    std::vector<ScoredId> scored;
    for (const auto& candidate : codes.nearest(graph_query, shortlist, exactly_scored, accept))
      scored.push_back({candidate.id, similarity_to(query, candidate.slot)});
    return best(std::move(scored), k);
  }

  std::vector<ScoredId> exact_scan(const ScoringQuery& query, std::size_t k,
                                   const std::function<bool(std::int64_t)>& accept) const {
    std::vector<ScoredId> scored;
    for (hnswlib::tableint slot = 0; slot < graph->cur_element_count; ++slot) {
      if (graph->isMarkedDeleted(slot)) continue;
      const std::int64_t id = to_id(graph->getExternalLabel(slot));
      if (!accept(id)) continue;
      scored.push_back({id, similarity_to(query, slot)});
    }
    return best(std::move(scored), k);
  }

  // The scan of the codes asks accept() as it goes. hnswlib 0.6.2 cannot filter inside the graph: ask it for
  // kFilterWidening× more candidates each round until k of them are accepted, the graph has nothing more to
  // give, or the scan becomes the cheaper way.
  std::vector<ScoredId> filtered_search(const ScoringQuery& query, const float* graph_query, std::size_t k,
                                        const std::function<bool(std::int64_t)>& accept) const {
    if (live_count <= kExactScanLimit) return exact_scan(query, k, accept);
    if (scans_codes()) return code_scan(query, graph_query, k, accept);
    RememberingFilter remembered(accept);
    const auto remembering = [&remembered](std::int64_t id) { return remembered(id); };
    for (std::size_t wanted = k * kFilterWidening;; wanted *= kFilterWidening) {
      if (wanted > live_count / kScanFraction) return code_scan(query, graph_query, k, remembering);
      const auto labels = approximate_nearest(graph_query, wanted);
      std::vector<ScoredId> accepted;
      for (const auto label : labels)
        if (remembered(to_id(label))) accepted.push_back(score(query, label));
      if (accepted.size() >= k || labels.size() < wanted) return best(std::move(accepted), k);
    }
  }

  const std::size_t dimension;
  const VectorMetric metric;
  const VectorRanking ranking;
  const std::size_t max_scanned_components;
  std::unique_ptr<GraphSpace> space;  // declared before graph: the graph points into it
  std::unique_ptr<Graph> graph;
  QuantizedVectors codes;  // one per live slot of the graph
  std::vector<double> stored_squared_norms;  // by slot, of the vector the graph stores
  std::size_t live_count = 0;  // hnswlib's own count includes deleted slots

  // Searches and saves share it; upserts, removes, clear and load exclude. accept() runs under it, shared,
  // and so must not call back into this index.
  mutable WriterPreferringMutex lock;
  mutable std::mutex save_lock;    // one save at a time writes the temp files
};

VectorIndex::VectorIndex(std::filesystem::path file, std::size_t dimension, VectorMetric metric,
                         std::size_t max_scanned_components)
    : state_(std::make_unique<State>(dimension, metric, max_scanned_components)),
      file_(std::move(file)),
      dimension_(dimension),
      metric_(metric) {}

VectorIndex::~VectorIndex() = default;

bool VectorIndex::load(std::uint64_t expected_stamp) {
  namespace files = vector_index_file;
  const auto meta = files::read_meta(files::meta_path(file_));
  if (!meta || meta->stamp != expected_stamp || meta->dimension != dimension_ ||
      meta->metric != static_cast<std::uint32_t>(metric_))
    return false;
  const auto digest = files::digest_file(file_);
  if (!digest || digest->bytes != meta->graph.bytes || digest->checksum != meta->graph.checksum) return false;

  std::unique_lock exclusive(state_->lock);
  try {
    // The constructor that loads: if hnswlib throws half-way, no destructor frees its half-set pointers.
    auto graph = std::make_unique<Graph>(state_->space.get(), file_.string());
    recount_deleted(*graph);
    if (graph->cur_element_count - graph->num_deleted_ != meta->live_count) return false;
    graph->setEf(kSearchBreadth);
    state_->graph = std::move(graph);
    state_->live_count = meta->live_count;
    state_->recode_all(meta->centre, meta->centred_count);
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

// Order matters for a crash at any point: the side file is removed before the graph is replaced and written
// back last, so a side file only ever sits beside the graph it describes (otherwise load() finds none).
void VectorIndex::save(std::uint64_t stamp) const {
  namespace files = vector_index_file;
  std::lock_guard one_save(state_->save_lock);
  std::shared_lock no_writes(state_->lock);

  const auto graph_temp = files::temp_path(file_);
  const auto meta_file = files::meta_path(file_);
  const auto meta_temp = files::temp_path(meta_file);
  state_->graph->saveIndex(graph_temp.string());
  files::sync_to_disk(graph_temp);
  const auto digest = files::digest_file(graph_temp);
  if (!digest) throw std::runtime_error("vector index: cannot read back " + graph_temp.string());
  files::write_meta(meta_temp, {dimension_, static_cast<std::uint32_t>(metric_), state_->live_count, stamp, *digest,
                                state_->codes.centred_count(), state_->codes.centre()});

  std::filesystem::remove(meta_file);
  std::filesystem::rename(graph_temp, file_);
  std::filesystem::rename(meta_temp, meta_file);
  files::sync_to_disk(file_.has_parent_path() ? file_.parent_path() : std::filesystem::path("."), true);
}

void VectorIndex::clear() {
  std::unique_lock exclusive(state_->lock);
  state_->reset();
}

void VectorIndex::upsert(std::int64_t id, const float* vector) {
  const GraphInput input(metric_, vector, dimension_);
  std::unique_lock exclusive(state_->lock);
  state_->upsert(id, input.data());
}

void VectorIndex::remove(std::int64_t id) {
  std::unique_lock exclusive(state_->lock);
  state_->remove(id);
}

std::size_t VectorIndex::size() const {
  std::shared_lock shared(state_->lock);
  return state_->live_count;
}

std::vector<ScoredId> VectorIndex::search(const float* query, std::size_t k,
                                          const std::function<bool(std::int64_t)>& accept) const {
  const GraphInput input(metric_, query, dimension_);
  std::shared_lock shared(state_->lock);
  if (k == 0 || state_->live_count == 0) return {};
  const ScoringQuery scoring(query, dimension_);
  if (!accept) return state_->search(scoring, input.data(), k);
  return state_->filtered_search(scoring, input.data(), k, accept);
}

}  // namespace killrvideo::host::embedded
