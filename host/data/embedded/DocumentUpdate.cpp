#include "data/embedded/DocumentUpdate.h"

#include <algorithm>
#include <set>

#include "data/embedded/ApiError.h"

namespace killrvideo::host::embedded {

namespace {

using json = nlohmann::ordered_json;

const std::set<std::string>& operators() {
  static const std::set<std::string> names = {"$set", "$unset", "$inc", "$push", "$setOnInsert",
                                              "$mul", "$min", "$max", "$addToSet"};
  return names;
}

[[noreturn]] void invalid(const std::string& why) {
  fail("UPDATE", "INVALID_UPDATE_OPERATOR_VALUE", "Update operator value not valid: " + why + ".");
}

// The slot at a dotted path, creating intermediate objects; nullptr when a non-object is in the way.
json* slot(json& document, const std::string& path, bool create) {
  json* current = &document;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = path.find('.', start);
    const std::string segment = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (!current->is_object()) return nullptr;
    if (!create && !current->contains(segment)) return nullptr;
    current = &(*current)[segment];
    if (dot == std::string::npos) return current;
    if (current->is_null() && create) *current = json::object();
    start = dot + 1;
  }
}

void unset(json& document, const std::string& path) {
  const std::size_t dot = path.rfind('.');
  json* parent = dot == std::string::npos ? &document : slot(document, path.substr(0, dot), false);
  if (parent && parent->is_object()) parent->erase(dot == std::string::npos ? path : path.substr(dot + 1));
}

json arithmetic(const std::string& op, const json& current, const json& operand) {
  if (!operand.is_number()) invalid(op + " needs a number");
  if (current.is_null()) return op == "$inc" ? operand : json(0);
  if (!current.is_number()) invalid(op + " applies to numbers only");
  const bool integral = current.is_number_integer() && operand.is_number_integer();
  if (op == "$inc") return integral ? json(current.get<std::int64_t>() + operand.get<std::int64_t>())
                                    : json(current.get<double>() + operand.get<double>());
  return integral ? json(current.get<std::int64_t>() * operand.get<std::int64_t>())
                  : json(current.get<double>() * operand.get<double>());
}

json pushed(const std::string& op, json current, const json& operand) {
  if (current.is_null()) current = json::array();
  if (!current.is_array()) invalid(op + " applies to arrays only");
  const bool each = operand.is_object() && operand.contains("$each");
  const json items = each ? operand["$each"] : json::array({operand});
  if (!items.is_array()) invalid("$each needs an array");
  for (const auto& item : items)
    if (op == "$push" || std::find(current.begin(), current.end(), item) == current.end()) current.push_back(item);
  return current;
}

json new_value(const std::string& op, const json& current, const json& operand) {
  if (op == "$set" || op == "$setOnInsert") return operand;
  if (op == "$inc" || op == "$mul") return arithmetic(op, current, operand);
  if (op == "$push" || op == "$addToSet") return pushed(op, current, operand);
  if (current.is_null()) return operand;  // $min / $max on a missing field
  const bool smaller = operand < current;
  return (op == "$min") == smaller ? operand : current;
}

}  // namespace

void validate_document_update(const json& update) {
  if (!update.is_object() || update.empty())
    fail("UPDATE", "MISSING_UPDATE_OPERATIONS", "The command did not include any update operations.");
  for (const auto& [op, fields] : update.items()) {
    if (!operators().count(op))
      fail("UPDATE", "UNSUPPORTED_UPDATE_OPERATOR", "Unsupported update operator '" + op + "'.");
    if (!fields.is_object()) invalid(op + " needs an object");
    for (const auto& [path, operand] : fields.items())
      if (path == "_id" || path.rfind("_id.", 0) == 0)
        fail("UPDATE", "UNSUPPORTED_UPDATE_OPERATOR_FOR_DOC_ID",
             "The command used the update operator: " + op + ". _id field cannot be updated using update operators.");
  }
}

bool apply_document_update(json& document, const json& update, bool inserting) {
  const json before = document;
  for (const auto& [op, fields] : update.items()) {
    if (op == "$setOnInsert" && !inserting) continue;
    for (const auto& [path, operand] : fields.items()) {
      if (op == "$unset") {
        unset(document, path);
        continue;
      }
      json* target = slot(document, path, true);
      if (!target) invalid("path '" + path + "' crosses a non-object value");
      *target = new_value(op, *target, operand);
    }
  }
  return document != before;
}

}  // namespace killrvideo::host::embedded
