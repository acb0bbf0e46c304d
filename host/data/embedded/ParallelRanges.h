#pragma once
// One scan split over the cores. A search served alone (one user waiting) otherwise leaves every core but
// one idle while it scans a large index.

#include <cstddef>
#include <functional>

namespace killrvideo::host::embedded {

// Runs part(index, begin, end) over `ranges` consecutive pieces of [0, count) and returns when all are done.
// The calling thread runs the first piece, helper threads bound to the other cores the others; a piece no
// helper has started by the time the caller is done, the caller runs as well, so when every core is busy
// with requests of its own the split costs no more than running it all on one thread. The first exception
// a part throws is rethrown here.
void for_each_range(std::size_t count, std::size_t ranges,
                     const std::function<void(std::size_t index, std::size_t begin, std::size_t end)>& part);

// Runs part(worker, begin, end) over [0, count) in chunks of at most `chunk` items that `workers` threads
// (the caller and helpers, as for_each_range) claim in order: a worker that starts late or runs slow claims
// fewer, and the others wait on one chunk at most, not on a fixed half. A worker's chunks come in increasing
// order of begin; finish(worker), when given, runs on the worker's thread after its last chunk.
void for_each_chunk(std::size_t count, std::size_t workers, std::size_t chunk,
                    const std::function<void(std::size_t worker, std::size_t begin, std::size_t end)>& part,
                    const std::function<void(std::size_t worker)>& finish = {});

// How many pieces a scan of `count` items should be split into: one per core this process may run on (the
// affinity mask of the thread that ran the first split: the server's, set by `taskset` or a cpuset), each
// at least `min_per_range`.
std::size_t range_count(std::size_t count, std::size_t min_per_range) noexcept;

}  // namespace killrvideo::host::embedded
