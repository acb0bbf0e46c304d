#include "data/embedded/DocumentFilter.h"

#include <set>

#include "data/embedded/ApiError.h"

namespace killrvideo::host::embedded {

namespace {

using json = nlohmann::ordered_json;

// Extended JSON values ({"$date": …}, {"$uuid": …}, {"$objectId": …}, {"$binary": …}) are values,
// not operator objects.
bool is_extended_value(const json& value) {
  static const std::set<std::string> markers = {"$date", "$uuid", "$objectId", "$binary"};
  return value.is_object() && value.size() == 1 && markers.count(value.begin().key()) > 0;
}

bool is_operator_object(const json& value) {
  return value.is_object() && !value.empty() && !is_extended_value(value) && value.begin().key()[0] == '$';
}

bool equals(const json& value, const json& operand) {
  if (value == operand) return true;
  if (!value.is_array()) return false;
  for (const auto& element : value)  // an array matches any of its elements
    if (element == operand) return true;
  return false;
}

// -1/0/1 when both sides are comparable (numbers, strings, dates, booleans), nullopt otherwise.
std::optional<int> compare(const json& a, const json& b) {
  auto three_way = [](const auto& x, const auto& y) { return x < y ? -1 : (y < x ? 1 : 0); };
  if (a.is_number() && b.is_number()) return three_way(a.get<double>(), b.get<double>());
  if (a.is_string() && b.is_string()) return three_way(a.get<std::string>(), b.get<std::string>());
  if (a.is_boolean() && b.is_boolean()) return three_way(a.get<bool>(), b.get<bool>());
  const bool dates = a.is_object() && b.is_object() && a.contains("$date") && b.contains("$date");
  if (dates) return three_way(a["$date"].get<double>(), b["$date"].get<double>());
  return std::nullopt;
}

bool ordered(const json* value, const std::string& op, const json& operand) {
  if (!value) return false;
  auto satisfies = [&](const json& candidate) {
    const auto order = compare(candidate, operand);
    if (!order) return false;
    if (op == "$lt") return *order < 0;
    if (op == "$lte") return *order <= 0;
    if (op == "$gt") return *order > 0;
    return *order >= 0;
  };
  if (value->is_array() && !operand.is_array()) {
    for (const auto& element : *value)
      if (satisfies(element)) return true;
    return false;
  }
  return satisfies(*value);
}

bool in(const json* value, const json& operands) {
  for (const auto& operand : operands)
    if (value ? equals(*value, operand) : operand.is_null()) return true;
  return false;
}

bool all(const json* value, const json& operands) {
  if (!value || !value->is_array()) return false;
  for (const auto& operand : operands)
    if (!equals(*value, operand)) return false;
  return true;
}

bool operator_matches(const json* value, const std::string& op, const json& operand) {
  if (op == "$eq") return value ? equals(*value, operand) : operand.is_null();
  if (op == "$ne") return !(value ? equals(*value, operand) : operand.is_null());
  if (op == "$in") return in(value, operand);
  if (op == "$nin") return !in(value, operand);
  if (op == "$exists") return (value != nullptr) == operand.get<bool>();
  if (op == "$all") return all(value, operand);
  if (op == "$size") return value && value->is_array() && value->size() == operand.get<std::size_t>();
  if (op == "$not") return !document_matches(value ? *value : json(nullptr), operand);
  return ordered(value, op, operand);
}

bool field_matches(const json& document, const std::string& path, const json& condition) {
  const json* value = find_path(document, path);
  if (!is_operator_object(condition)) return value ? equals(*value, condition) : condition.is_null();
  for (const auto& [op, operand] : condition.items())
    if (!operator_matches(value, op, operand)) return false;
  return true;
}

[[noreturn]] void invalid(const std::string& why) {
  fail("FILTER", "FILTER_INVALID_EXPRESSION", "Unsupported filter clause: " + why + ".");
}

void validate_condition(const std::string& path, const json& condition) {
  static const std::set<std::string> operators = {"$eq", "$ne", "$in", "$nin", "$lt", "$lte", "$gt",
                                                  "$gte", "$exists", "$all", "$size", "$not"};
  if (!is_operator_object(condition)) return;
  for (const auto& [op, operand] : condition.items()) {
    if (!operators.count(op))
      fail("FILTER", "FILTER_UNSUPPORTED_OPERATOR", "Unsupported filter operator " + op + " on '" + path + "'.");
    if ((op == "$in" || op == "$nin" || op == "$all") && !operand.is_array()) invalid(op + " needs an array");
    if (op == "$exists" && !operand.is_boolean()) invalid("$exists needs true or false");
    if (op == "$size" && !operand.is_number_unsigned()) invalid("$size needs a non-negative integer");
    if (op == "$not") validate_document_filter(operand);
  }
}

}  // namespace

const json* find_path(const json& document, const std::string& path) {
  const json* current = &document;
  std::size_t start = 0;
  while (current) {
    const std::size_t dot = path.find('.', start);
    const std::string segment = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (current->is_object()) {
      const auto found = current->find(segment);
      current = found == current->end() ? nullptr : &*found;
    } else if (current->is_array() && !segment.empty() && segment.find_first_not_of("0123456789") == std::string::npos) {
      const std::size_t index = std::stoul(segment);
      current = index < current->size() ? &(*current)[index] : nullptr;
    } else {
      current = nullptr;
    }
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return current;
}

void validate_document_filter(const json& filter) {
  if (!filter.is_object()) invalid("filter must be an object");
  for (const auto& [key, condition] : filter.items()) {
    if (key == "$and" || key == "$or") {
      if (!condition.is_array() || condition.empty()) invalid(key + " needs a non-empty array");
      for (const auto& clause : condition) validate_document_filter(clause);
    } else if (key == "$not") {
      validate_document_filter(condition);
    } else if (!key.empty() && key[0] == '$') {
      fail("FILTER", "FILTER_UNSUPPORTED_OPERATOR", "Unsupported filter operator " + key + ".");
    } else {
      validate_condition(key, condition);
    }
  }
}

bool document_matches(const json& document, const json& filter) {
  for (const auto& [key, condition] : filter.items()) {
    bool matched;
    if (key == "$and") {
      matched = true;
      for (const auto& clause : condition) matched = matched && document_matches(document, clause);
    } else if (key == "$or") {
      matched = false;
      for (const auto& clause : condition) matched = matched || document_matches(document, clause);
    } else if (key == "$not") {
      matched = !document_matches(document, condition);
    } else {
      matched = field_matches(document, key, condition);
    }
    if (!matched) return false;
  }
  return true;
}

std::optional<json> filtered_id(const json& filter) {
  if (filter.size() != 1 || !filter.contains("_id")) return std::nullopt;
  const json& condition = filter["_id"];
  if (!is_operator_object(condition)) return condition;
  if (condition.size() == 1 && condition.contains("$eq")) return condition["$eq"];
  return std::nullopt;
}

json filter_equalities(const json& filter) {
  json seed = json::object();
  for (const auto& [key, condition] : filter.items()) {
    if (key[0] == '$' || key.find('.') != std::string::npos) continue;
    if (!is_operator_object(condition)) seed[key] = condition;
    else if (condition.size() == 1 && condition.contains("$eq")) seed[key] = condition["$eq"];
  }
  return seed;
}

}  // namespace killrvideo::host::embedded
