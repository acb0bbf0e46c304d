#pragma once
// The `projection` clause: which columns come back (data-api-wire §4.2). Flat; include or exclude.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace killrvideo::plugin::data {

class Projection {
 public:
  // The server's default: every column of a table; a collection hides $vector and $vectorize.
  Projection() = default;
  static Projection include(const std::vector<std::string>& columns);
  static Projection exclude(const std::vector<std::string>& columns);
  // {"*":1}: everything, including a collection's $vector.
  static Projection everything();

  bool empty() const noexcept { return document_.empty(); }
  const nlohmann::ordered_json& to_json() const noexcept { return document_; }

 private:
  static Projection of(const std::vector<std::string>& columns, int flag);

  nlohmann::ordered_json document_ = nlohmann::ordered_json::object();
};

}  // namespace killrvideo::plugin::data
