#include "killrvideo/plugin/data/Sort.h"

#include <algorithm>
#include <stdexcept>

#include "killrvideo/plugin/data/Vectors.h"

namespace killrvideo::plugin::data {

Sort Sort::by_vector(std::string column, std::vector<float> query) {
  if (column.empty()) throw std::invalid_argument("a vector sort needs a column");
  Sort sort;
  sort.vector_column_ = std::move(column);
  sort.query_ = std::move(query);
  return sort;
}

Sort Sort::by_relevance(std::string column, std::string terms) {
  if (column.empty()) throw std::invalid_argument("a lexical sort needs a column");
  Sort sort;
  sort.lexical_column_ = std::move(column);
  sort.terms_ = std::move(terms);
  return sort;
}

Sort Sort::by_vectorize(std::string column, std::string text) {
  if (column.empty()) throw std::invalid_argument("a vectorize sort needs a column");
  Sort sort;
  sort.vectorize_column_ = std::move(column);
  sort.vectorize_text_ = std::move(text);
  return sort;
}

Sort& Sort::ascending(const std::string& column) { return add(column, SortOrder::Ascending); }
Sort& Sort::descending(const std::string& column) { return add(column, SortOrder::Descending); }

nlohmann::ordered_json Sort::to_json() const {
  if (!vectorize_column_.empty()) return {{vectorize_column_, vectorize_text_}};
  if (is_vector()) return {{vector_column_, vector_to_json(query_)}};
  if (is_lexical()) return {{lexical_column_, terms_}};
  nlohmann::ordered_json sort = nlohmann::ordered_json::object();
  for (const auto& [column, order] : columns_) sort[column] = to_wire(order);
  return sort;
}

Sort& Sort::add(const std::string& column, SortOrder order) {
  if (is_vector()) throw std::invalid_argument("a vector sort cannot be combined with the column " + column);
  if (is_lexical()) throw std::invalid_argument("a lexical sort cannot be combined with the column " + column);
  const auto same_column = [&](const auto& entry) { return entry.first == column; };
  const auto existing = std::find_if(columns_.begin(), columns_.end(), same_column);
  if (existing != columns_.end()) throw std::invalid_argument("the sort already orders by " + column);
  columns_.emplace_back(column, order);
  return *this;
}

}  // namespace killrvideo::plugin::data
