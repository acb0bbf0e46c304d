#pragma once
#include <cstddef>

namespace killrvideo::loader {

// What became of the rows of one source.
struct ImportTally {
  std::size_t loaded = 0;
  std::size_t skipped = 0;  // unreadable, or refused by the importer
};

}  // namespace killrvideo::loader
