#pragma once
// The filter warnings of a table read (data-api-wire §1.8). They never fail the command.

#include <vector>

#include "data/embedded/ApiError.h"
#include "data/embedded/SchemaObject.h"
#include "data/embedded/TableFilter.h"

namespace killrvideo::host::embedded {

std::vector<ApiError> table_filter_warnings(const SchemaObject& table, const CompiledFilter& filter, bool vector_sort);

}  // namespace killrvideo::host::embedded
