#pragma once
// The ground truth for recall: every query against every vector, scored with the index's own similarity().

#include <cstdint>
#include <vector>

#include "UnitVectors.h"
#include "data/embedded/VectorIndex.h"

namespace killrvideo::benchmarks {

// The k most similar ids (row numbers) of each query, split across `threads` by query.
std::vector<std::vector<std::int64_t>> exact_neighbours(host::embedded::VectorMetric metric, const UnitVectors& vectors,
                                                        const UnitVectors& queries, std::size_t k, unsigned threads);

}  // namespace killrvideo::benchmarks
