#include "killrvideo/plugin/data/Filter.h"

#include <stdexcept>

namespace killrvideo::plugin::data {

Filter::Filter(nlohmann::ordered_json raw) : raw_(std::move(raw)) {
  if (!raw_.is_object()) throw std::invalid_argument("a filter must be a JSON object, got " + raw_.dump());
}

Filter& Filter::eq(const std::string& column, nlohmann::ordered_json value) { return add(column, "$eq", std::move(value)); }
Filter& Filter::ne(const std::string& column, nlohmann::ordered_json value) { return add(column, "$ne", std::move(value)); }
Filter& Filter::lt(const std::string& column, nlohmann::ordered_json value) { return add(column, "$lt", std::move(value)); }
Filter& Filter::lte(const std::string& column, nlohmann::ordered_json value) { return add(column, "$lte", std::move(value)); }
Filter& Filter::gt(const std::string& column, nlohmann::ordered_json value) { return add(column, "$gt", std::move(value)); }
Filter& Filter::gte(const std::string& column, nlohmann::ordered_json value) { return add(column, "$gte", std::move(value)); }

Filter& Filter::in(const std::string& column, std::vector<nlohmann::ordered_json> values) {
  return add(column, "$in", std::move(values));
}

Filter& Filter::nin(const std::string& column, std::vector<nlohmann::ordered_json> values) {
  return add(column, "$nin", std::move(values));
}

Filter& Filter::match(const std::string& column, std::string terms) { return add(column, "$match", std::move(terms)); }

bool Filter::empty() const { return raw_.empty() && conditions_.empty(); }

nlohmann::ordered_json Filter::to_json() const {
  nlohmann::ordered_json filter = raw_;
  for (const auto& [column, operators] : conditions_.items()) {
    const bool only_equality = operators.size() == 1 && operators.contains("$eq");
    filter[column] = only_equality ? operators["$eq"] : operators;
  }
  return filter;
}

Filter& Filter::add(const std::string& column, const char* op, nlohmann::ordered_json value) {
  conditions_[column][op] = std::move(value);
  return *this;
}

}  // namespace killrvideo::plugin::data
