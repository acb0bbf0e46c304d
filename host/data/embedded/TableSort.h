#pragma once
// How a table find is ordered (data-api-wire §4.2 sort table): storage order, a pageable
// clustering-order sort, an in-memory sort (with the warning that says why), or an ANN vector sort.

#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "data/embedded/SchemaObject.h"
#include "data/embedded/TableFilter.h"

namespace killrvideo::host::embedded {

struct TableSortPlan {
  enum class Kind { Storage, Clustering, InMemory, Vector };
  Kind kind = Kind::Storage;
  std::string order_by;          // SQL ORDER BY list (Storage, Clustering, InMemory)
  std::string in_memory_reason;  // warning code (InMemory)
  std::string vector_column;     // Vector
  std::vector<float> vector;     // Vector
};

TableSortPlan plan_table_sort(const TableDef& table, const nlohmann::ordered_json& sort, const CompiledFilter& filter,
                              bool has_skip);

}  // namespace killrvideo::host::embedded
