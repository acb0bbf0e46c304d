#pragma once
// Everything of a read beside its filter: sort, projection and the `options` object
// (data-api-wire §4.2). findOne accepts fewer options than find, hence two types.
//
//   FindOptions().sort(Sort().descending("added_date")).limit(10)
//   FindOptions().sort(Sort::by_vector("content_features", q)).limit(3).include_similarity()

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>

#include "killrvideo/plugin/data/Projection.h"
#include "killrvideo/plugin/data/Sort.h"

namespace killrvideo::plugin::data {

// The part findOne and find share. Self is the derived type, so chained setters keep it.
template <class Self>
class ReadOptions {
 public:
  Self& sort(Sort sort) {
    sort_ = std::move(sort);
    return self();
  }
  Self& projection(Projection projection) {
    projection_ = std::move(projection);
    return self();
  }
  // Rows carry "$similarity" (similarity_of); the server adds it only under a vector sort.
  Self& include_similarity(bool include = true) {
    include_similarity_ = include;
    return self();
  }
  // The result carries the query vector the server sorted by.
  Self& include_sort_vector(bool include = true) {
    include_sort_vector_ = include;
    return self();
  }

  // Writes "sort", "projection" and "options" into a command body, each only when it says something.
  void write_to(nlohmann::ordered_json& body) const {
    if (!sort_.empty()) body["sort"] = sort_.to_json();
    if (!projection_.empty()) body["projection"] = projection_.to_json();
    nlohmann::ordered_json options = nlohmann::ordered_json::object();
    if (include_similarity_) options["includeSimilarity"] = true;
    if (include_sort_vector_) options["includeSortVector"] = true;
    static_cast<const Self&>(*this).write_own_options(options);
    if (!options.empty()) body["options"] = std::move(options);
  }

 private:
  Self& self() { return static_cast<Self&>(*this); }

  Sort sort_;
  Projection projection_;
  bool include_similarity_ = false;
  bool include_sort_vector_ = false;
};

class FindOneOptions final : public ReadOptions<FindOneOptions> {
 private:
  friend class ReadOptions<FindOneOptions>;
  void write_own_options(nlohmann::ordered_json&) const {}
};

class FindOptions final : public ReadOptions<FindOptions> {
 public:
  // Caps the rows of the whole query, across pages.
  FindOptions& limit(int limit) {
    limit_ = limit;
    return *this;
  }
  // Forces an in-memory sort on tables (data-api-wire §4.2).
  FindOptions& skip(int skip) {
    skip_ = skip;
    return *this;
  }
  // A FindResult::next_page_state from the identical query; empty means the first page.
  FindOptions& page_state(std::string page_state) {
    page_state_ = std::move(page_state);
    return *this;
  }

 private:
  friend class ReadOptions<FindOptions>;
  void write_own_options(nlohmann::ordered_json& options) const {
    if (limit_) options["limit"] = *limit_;
    if (skip_) options["skip"] = *skip_;
    if (!page_state_.empty()) options["pageState"] = page_state_;
  }

  std::optional<int> limit_;
  std::optional<int> skip_;
  std::string page_state_;
};

}  // namespace killrvideo::plugin::data
