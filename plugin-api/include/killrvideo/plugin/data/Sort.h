#pragma once
// The `sort` clause: regular column order, one vector for an ANN search, or terms for a lexical search
// (data-api-wire §4.2, §5).
//
//   Sort().descending("added_date")
//   Sort::by_vector("content_features", query)   // tables; collections use "$vector"
//   Sort::by_relevance("name", "vector search")  // {"name":"vector search"}: rows holding every term, best
//                                                // BM25 match first; needs a text index on the column
//   Sort::by_vectorize("content_features", "videos about databases")  // the database embeds the text: a
//                                                // vectorize column; collections use "$vectorize"

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "killrvideo/plugin/data/SortOrder.h"

namespace killrvideo::plugin::data {

class Sort {
 public:
  // No sort: storage order.
  Sort() = default;
  static Sort by_vector(std::string column, std::vector<float> query);
  // Like an ANN sort, a lexical sort admits nothing beside it, answers one page of at most `limit` rows
  // (≤ 1000) and takes no skip.
  static Sort by_relevance(std::string column, std::string terms);
  // An ANN sort by the embedding the database makes of `text` (Embedder::vectorize_service); on the wire
  // the same shape as a lexical sort, told apart by the column's type.
  static Sort by_vectorize(std::string column, std::string text);

  // Columns sort in the order they are added. Throws std::invalid_argument on a vector sort, which
  // admits nothing beside it.
  Sort& ascending(const std::string& column);
  Sort& descending(const std::string& column);

  bool empty() const noexcept { return columns_.empty() && !is_vector() && lexical_column_.empty(); }
  bool is_vector() const noexcept { return !vector_column_.empty() || !vectorize_column_.empty(); }
  bool is_lexical() const noexcept { return !lexical_column_.empty(); }
  // Columns in the order they were added: the seam's ordered_json keeps it.
  nlohmann::ordered_json to_json() const;

 private:
  Sort& add(const std::string& column, SortOrder order);

  std::vector<std::pair<std::string, SortOrder>> columns_;
  std::string vector_column_;
  std::vector<float> query_;
  std::string lexical_column_;
  std::string terms_;
  std::string vectorize_column_;
  std::string vectorize_text_;
};

}  // namespace killrvideo::plugin::data
