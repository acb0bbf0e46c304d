#pragma once
// The `filter` clause of a Data API command (data-api-wire §4.2): column conditions, ANDed.
//
//   Filter().eq("videoid", id)                        → {"videoid": id}
//   Filter().gte("added_date", from).lt("added_date", to)
//   Filter().match("name", "vector search")          → {"name": {"$match": "vector search"}}: rows whose
//                                                       text-indexed column holds every term
//   Filter(R"({"$or":[{"a":1},{"b":2}]})"_json)      → anything the builder does not cover

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace killrvideo::plugin::data {

class Filter {
 public:
  // Matches every row.
  Filter() = default;
  // A filter document sent as given; builder conditions added later are merged into it.
  explicit Filter(nlohmann::ordered_json raw);

  Filter& eq(const std::string& column, nlohmann::ordered_json value);
  Filter& ne(const std::string& column, nlohmann::ordered_json value);
  Filter& lt(const std::string& column, nlohmann::ordered_json value);
  Filter& lte(const std::string& column, nlohmann::ordered_json value);
  Filter& gt(const std::string& column, nlohmann::ordered_json value);
  Filter& gte(const std::string& column, nlohmann::ordered_json value);
  // A vector, not one json value: a braced list of two strings would otherwise become an object.
  Filter& in(const std::string& column, std::vector<nlohmann::ordered_json> values);
  Filter& nin(const std::string& column, std::vector<nlohmann::ordered_json> values);
  // Lexical match on a column with a text index (TableSpec::text_index): space-separated terms.
  Filter& match(const std::string& column, std::string terms);

  bool empty() const;
  // Conditions on one column share one operator object; a lone equality is written as the bare value.
  nlohmann::ordered_json to_json() const;

 private:
  Filter& add(const std::string& column, const char* op, nlohmann::ordered_json value);

  nlohmann::ordered_json raw_ = nlohmann::ordered_json::object();
  nlohmann::ordered_json conditions_ = nlohmann::ordered_json::object();  // column → {"$op": value, …}
};

}  // namespace killrvideo::plugin::data
