#pragma once
// Ascending or descending, as the Data API writes it in sorts and in a table's partitionSort.

namespace killrvideo::plugin::data {

enum class SortOrder { Ascending = 1, Descending = -1 };

inline int to_wire(SortOrder order) noexcept { return static_cast<int>(order); }

}  // namespace killrvideo::plugin::data
