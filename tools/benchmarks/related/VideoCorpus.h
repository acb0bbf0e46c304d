#pragma once
// The benchmark's store: `count` READY videos whose `content_features` are the given unit vectors, written
// into an embedded data directory with the catalog's own `videos` TableSpec, before any server opens it.

#include <filesystem>
#include <string>

#include "UnitVectors.h"

namespace killrvideo::benchmarks {

// The id of video number `row`: row numbers and ids map both ways without a table.
std::string corpus_video_id(std::size_t row);

// Creates `videos` (with its cosine vector index) in the server's keyspace and inserts one row per vector,
// 100 per insertMany. Returns the seconds it took; throws std::runtime_error on a refused command.
double write_video_corpus(const std::filesystem::path& data_dir, const UnitVectors& vectors);

}  // namespace killrvideo::benchmarks
