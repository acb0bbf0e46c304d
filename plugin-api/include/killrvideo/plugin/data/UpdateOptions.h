#pragma once
// Options of a collection's updateOne and findOneAndUpdate (data-api-wire §5).

#include <nlohmann/json.hpp>
#include <utility>

#include "killrvideo/plugin/data/Projection.h"
#include "killrvideo/plugin/data/Sort.h"

namespace killrvideo::plugin::data {

// Which version of the document findOneAndUpdate answers with.
enum class ReturnDocument { Before, After };

class UpdateOneOptions {
 public:
  // Inserts a document built from the filter's equalities and the update when nothing matches.
  UpdateOneOptions& upsert(bool upsert = true) {
    upsert_ = upsert;
    return *this;
  }
  // Which of several matching documents is updated.
  UpdateOneOptions& sort(Sort sort) {
    sort_ = std::move(sort);
    return *this;
  }

  // Writes "sort" and "options" into an updateOne body.
  void write_to(nlohmann::ordered_json& body) const {
    if (!sort_.empty()) body["sort"] = sort_.to_json();
    if (upsert_) body["options"] = {{"upsert", true}};
  }

 private:
  bool upsert_ = false;
  Sort sort_;
};

class FindOneAndUpdateOptions {
 public:
  FindOneAndUpdateOptions& upsert(bool upsert = true) {
    upsert_ = upsert;
    return *this;
  }
  FindOneAndUpdateOptions& return_document(ReturnDocument which) {
    return_document_ = which;
    return *this;
  }
  FindOneAndUpdateOptions& sort(Sort sort) {
    sort_ = std::move(sort);
    return *this;
  }
  FindOneAndUpdateOptions& projection(Projection projection) {
    projection_ = std::move(projection);
    return *this;
  }

  // Writes "sort", "projection" and "options" into a findOneAndUpdate body. returnDocument is always
  // explicit, so the answer never depends on a server default.
  void write_to(nlohmann::ordered_json& body) const {
    if (!sort_.empty()) body["sort"] = sort_.to_json();
    if (!projection_.empty()) body["projection"] = projection_.to_json();
    nlohmann::ordered_json options = {{"returnDocument", return_document_ == ReturnDocument::After ? "after" : "before"}};
    if (upsert_) options["upsert"] = true;
    body["options"] = std::move(options);
  }

 private:
  bool upsert_ = false;
  ReturnDocument return_document_ = ReturnDocument::Before;
  Sort sort_;
  Projection projection_;
};

}  // namespace killrvideo::plugin::data
