#pragma once
// How insert_many treats a refused row (data-api-wire §4.1).

namespace killrvideo::plugin::data {

enum class Ordering {
  Unordered,  // every valid row is written; refused ones are reported
  Ordered,    // rows are written in order, stopping at the first refused one
};

}  // namespace killrvideo::plugin::data
