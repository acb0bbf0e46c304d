#pragma once
// How a table find is ordered (data-api-wire §4.2 sort table): storage order, a pageable
// clustering-order sort, an in-memory sort (with the warning that says why), an ANN vector sort, or a
// lexical sort: {"c":"terms"} on a text-indexed text/ascii column, rows holding every term, best BM25 first.

#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "data/embedded/SchemaObject.h"
#include "data/embedded/TableFilter.h"

namespace killrvideo::host::embedded {

struct TableSortPlan {
  enum class Kind { Storage, Clustering, InMemory, Vector, Lexical };
  Kind kind = Kind::Storage;
  std::string order_by;          // SQL ORDER BY list (Storage, Clustering, InMemory)
  std::string in_memory_reason;  // warning code (InMemory)
  std::string vector_column;     // Vector
  std::vector<float> vector;     // Vector
  std::string lexical_column;    // Lexical
  std::string lexical_terms;     // Lexical: the FTS5 expression, empty when the terms hold no term
};

TableSortPlan plan_table_sort(const TableDef& table, const nlohmann::ordered_json& sort, const CompiledFilter& filter,
                              bool has_skip);

}  // namespace killrvideo::host::embedded
