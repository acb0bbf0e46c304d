#pragma once
// The `update` clause. Tables take $set, $unset, $push and $pullAll only (data-api-wire §4.3);
// collections also $inc and $setOnInsert (§5). Two types, so a table update cannot hold $inc.
//
//   TableUpdate().set("views", 1)
//   CollectionUpdate().inc("views", 1).set_on_insert("first_view", {{"$date", now_ms}})

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace killrvideo::plugin::data {

// The operators both kinds accept. Self is the derived type, so chained calls keep it.
template <class Self>
class UpdateOperators {
 public:
  Self& set(const std::string& column, nlohmann::ordered_json value) { return add("$set", column, std::move(value)); }
  Self& unset(const std::string& column) { return add("$unset", column, ""); }
  // Appends one element to a list, adds it to a set, or an entry ({"k":"v"} or [k,v]) to a map.
  Self& push(const std::string& column, nlohmann::ordered_json value) { return add("$push", column, std::move(value)); }
  Self& push_each(const std::string& column, std::vector<nlohmann::ordered_json> values) {
    return add("$push", column, {{"$each", std::move(values)}});
  }
  // Removes these values from a list or set, or these keys from a map.
  Self& pull_all(const std::string& column, std::vector<nlohmann::ordered_json> values) {
    return add("$pullAll", column, std::move(values));
  }

  bool empty() const noexcept { return operations_.empty(); }
  const nlohmann::ordered_json& to_json() const noexcept { return operations_; }

 protected:
  Self& add(const char* op, const std::string& column, nlohmann::ordered_json value) {
    operations_[op][column] = std::move(value);
    return static_cast<Self&>(*this);
  }

 private:
  nlohmann::ordered_json operations_ = nlohmann::ordered_json::object();
};

class TableUpdate final : public UpdateOperators<TableUpdate> {};

class CollectionUpdate final : public UpdateOperators<CollectionUpdate> {
 public:
  // Atomic on the server: the way to count under concurrency (design §4).
  CollectionUpdate& inc(const std::string& field, nlohmann::ordered_json amount) {
    return add("$inc", field, std::move(amount));
  }
  // Applied only when the update inserts the document (upsert).
  CollectionUpdate& set_on_insert(const std::string& field, nlohmann::ordered_json value) {
    return add("$setOnInsert", field, std::move(value));
  }
};

}  // namespace killrvideo::plugin::data
