#include "data/embedded/TableSort.h"

#include <nlohmann/json.hpp>

#include "data/embedded/ApiError.h"
#include "data/embedded/Sqlite.h"
#include "data/embedded/TextIndex.h"
#include "data/embedded/VectorCodec.h"

namespace killrvideo::host::embedded {

namespace {

using json = nlohmann::ordered_json;

bool is_vector_expression(const json& value) {
  return value.is_array() || value.is_string() || (value.is_object() && value.contains("$binary"));
}

bool is_text_column(const TableDef& table, const std::string& column) {
  const auto type = table.columns.find(column);
  return type != table.columns.end() && (type->second.name == "text" || type->second.name == "ascii");
}

// A string on a text column asks for relevance to its terms; on a vector column, for $vectorize.
bool is_lexical_expression(const TableDef& table, const std::string& column, const json& value) {
  return value.is_string() && is_text_column(table, column);
}

std::string joined(const std::vector<std::string>& names) {
  std::string text;
  for (const auto& name : names) text += (text.empty() ? "" : ", ") + name;
  return text.empty() ? "[None]" : text;
}

TableSortPlan lexical_plan(const TableDef& table, const json& sort, bool has_skip) {
  std::vector<std::string> lexical, vector, regular;
  for (const auto& [column, value] : sort.items()) {
    if (is_lexical_expression(table, column, value)) lexical.push_back(column);
    else if (is_vector_expression(value)) vector.push_back(column);
    else regular.push_back(column);
  }
  if (sort.size() > 1)
    fail("SORT", "CANNOT_SORT_ON_SPECIAL_WITH_OTHERS",
         "The command used a sort clause with a special (lexical/vector/vectorize) sort combined with one or more other "
         "sort expressions.\nThe command attempted to use lexical sort on columns: " + joined(lexical) +
             ".\nThe command attempted to use vector/vectorize sort on columns: " + joined(vector) +
             ".\nThe command attempted to use regular sort on columns: " + joined(regular) + ".");
  const std::string column = sort.begin().key();
  if (!table.text_index_on(column)) {
    std::vector<std::string> indexed;
    for (const auto& index : table.indexes)
      if (index.text) indexed.push_back(index.column);
    fail("SORT", "CANNOT_LEXICAL_SORT_NON_INDEXED_COLUMNS",
         "The command attempted to lexical sort on column that is not indexed: " + column +
             ".\nThe table has text indexes on columns: " + joined(indexed) + ".");
  }
  if (has_skip) fail("SORT", "CANNOT_LEXICAL_SORT_WITH_SKIP_OPTION", "Skip option cannot be used with lexical sort.");
  TableSortPlan plan;
  plan.kind = TableSortPlan::Kind::Lexical;
  plan.lexical_column = column;
  plan.lexical_terms = TextIndex::match_expression(sort.begin().value().get<std::string>(), *table.text_index_on(column));
  return plan;
}

// Storage order: partition columns, then clustering columns in their declared direction.
std::string storage_order(const TableDef& table, bool reversed) {
  std::string order;
  for (const auto& column : table.partition_by) order += (order.empty() ? "" : ", ") + quote_identifier(column);
  for (const auto& [column, direction] : table.partition_sort)
    order += ", " + quote_identifier(column) + (((direction < 0) != reversed) ? " DESC" : " ASC");
  return order;
}

std::vector<float> sort_vector(const std::string& column, const ColumnType& type, const json& value) {
  std::vector<float> vector;
  try {
    vector = parse_vector(value);
  } catch (const VectorizeRequested&) {
    fail("SORT", "CANNOT_VECTORIZE_SORT_WHEN_MISSING_VECTORIZE_DEFINITION",
         "The command included the following vector columns without vectorize definition: " + column + ".");
  } catch (const std::invalid_argument& error) {
    fail("SORT", "INVALID_VECTOR_SORT_EXPRESSION", std::string("Invalid vector sort: ") + error.what() + ".");
  }
  if (static_cast<int>(vector.size()) != type.dimension)
    fail("SORT", "CANNOT_VECTOR_SORT_ON_MISMATCHED_VECTOR_DIMENSIONS",
         "Target vector column is `" + column + "`, which has a dimension of `" + std::to_string(type.dimension) +
             "`. The command provided a vector with a dimension of `" + std::to_string(vector.size()) + "`.");
  return vector;
}

TableSortPlan vector_plan(const TableDef& table, const json& sort, bool has_skip) {
  int vector_sorts = 0;
  for (const auto& [column, value] : sort.items()) vector_sorts += is_vector_expression(value);
  if (vector_sorts > 1) fail("SORT", "CANNOT_SORT_ON_MULTIPLE_VECTORS", "Only one vector sort is allowed.");
  if (sort.size() > 1)
    fail("SORT", "CANNOT_SORT_ON_SPECIAL_WITH_OTHERS", "A vector sort cannot be combined with other sort expressions.");
  const std::string column = sort.begin().key();
  const auto type = table.columns.find(column);
  if (type == table.columns.end())
    fail("SORT", "CANNOT_SORT_UNKNOWN_COLUMNS", "The command attempted to sort the unknown columns: " + column + ".");
  if (!type->second.is_vector())
    fail("SORT", "CANNOT_VECTOR_SORT_NON_VECTOR_COLUMNS", "The command attempted to sort the non-vector columns: " + column + ".");
  TableSortPlan plan;
  plan.kind = TableSortPlan::Kind::Vector;
  plan.vector_column = column;
  plan.vector = sort_vector(column, type->second, sort.begin().value());
  if (!table.vector_index_on(column))
    fail("SORT", "CANNOT_VECTOR_SORT_NON_INDEXED_VECTOR_COLUMNS",
         "The command attempted to sort vector columns that are not indexed: " + column + ".");
  if (has_skip) fail("SORT", "CANNOT_VECTOR_SORT_WITH_SKIP_OPTION", "Skip option cannot be used with vector sort.");
  return plan;
}

// Empty when the sort can use the clustering order, else the in-memory warning that explains why.
std::string in_memory_reason(const TableDef& table, const json& sort, const CompiledFilter& filter, bool& reversed) {
  for (const auto& [column, direction] : sort.items()) {
    bool clustering = false;
    for (const auto& entry : table.partition_sort) clustering = clustering || entry.first == column;
    if (!clustering) return "IN_MEMORY_SORTING_DUE_TO_NON_PARTITION_SORTING";
  }
  for (const auto& column : table.partition_by)
    if (!filter.equalities.count(column)) return "IN_MEMORY_SORTING_DUE_TO_PARTITION_KEY_NOT_RESTRICTED";
  std::size_t position = 0;
  int agreement = 0;  // +1 all in clustering direction, -1 all reversed
  for (const auto& [column, direction] : sort.items()) {
    const auto& [expected_column, expected_direction] = table.partition_sort[position++];
    const int agrees = direction.get<int>() == expected_direction ? 1 : -1;
    if (column != expected_column || (agreement != 0 && agrees != agreement))
      return "IN_MEMORY_SORTING_DUE_TO_OUT_OF_ORDER_PARTITION_SORTING";
    agreement = agrees;
  }
  reversed = agreement < 0;
  return "";
}

TableSortPlan regular_plan(const TableDef& table, const json& sort, const CompiledFilter& filter, bool has_skip) {
  std::string sort_order;
  for (const auto& [column, direction] : sort.items()) {
    if (!table.columns.count(column))
      fail("SORT", "CANNOT_SORT_UNKNOWN_COLUMNS", "The command attempted to sort the unknown columns: " + column + ".");
    if (!direction.is_number_integer() || (direction != 1 && direction != -1))
      fail("SORT", "INVALID_REGULAR_SORT_EXPRESSION",
           "The command attempted to use unsupported JSON expression `" + direction.dump() + "` for sort clause.");
    sort_order += quote_identifier(column) + (direction == 1 ? " ASC, " : " DESC, ");
  }
  bool reversed = false;
  std::string reason = in_memory_reason(table, sort, filter, reversed);
  if (reason.empty() && has_skip) reason = "IN_MEMORY_SORTING_DUE_SKIP_OPTIONS";
  TableSortPlan plan;
  plan.kind = reason.empty() ? TableSortPlan::Kind::Clustering : TableSortPlan::Kind::InMemory;
  plan.in_memory_reason = reason;
  plan.order_by = reason.empty() ? storage_order(table, reversed) : sort_order + storage_order(table, false);
  return plan;
}

}  // namespace

TableSortPlan plan_table_sort(const TableDef& table, const json& sort, const CompiledFilter& filter, bool has_skip) {
  for (const auto& [column, value] : sort.items())
    if (is_lexical_expression(table, column, value)) return lexical_plan(table, sort, has_skip);
  for (const auto& [column, value] : sort.items())
    if (is_vector_expression(value)) return vector_plan(table, sort, has_skip);
  if (!sort.empty()) return regular_plan(table, sort, filter, has_skip);
  TableSortPlan plan;
  plan.order_by = storage_order(table, false);
  if (has_skip) {
    plan.kind = TableSortPlan::Kind::InMemory;
    plan.in_memory_reason = "IN_MEMORY_SORTING_DUE_SKIP_OPTIONS";
  }
  return plan;
}

}  // namespace killrvideo::host::embedded
