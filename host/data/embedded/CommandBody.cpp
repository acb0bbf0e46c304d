#include "data/embedded/CommandBody.h"

#include <algorithm>
#include <cctype>
#include <cstring>

#include <nlohmann/json.hpp>

#include "data/embedded/ApiError.h"
#include "data/embedded/EngineState.h"

namespace killrvideo::host::embedded {

void require_known_fields(const nlohmann::ordered_json& object, std::initializer_list<const char*> allowed,
                          const std::string& where) {
  for (const auto& [key, value] : object.items()) {
    const bool known = std::any_of(allowed.begin(), allowed.end(), [&](const char* name) { return key == name; });
    if (!known) fail("", "COMMAND_FIELD_UNKNOWN", "Command field '" + key + "' not recognized in " + where + ".");
  }
}

const nlohmann::ordered_json& object_field(const nlohmann::ordered_json& body, const char* name) {
  static const nlohmann::ordered_json empty = nlohmann::ordered_json::object();
  const auto found = body.find(name);
  if (found == body.end() || found->is_null()) return empty;
  if (!found->is_object())
    fail("", "REQUEST_STRUCTURE_MISMATCH", "Request is valid JSON but has a structural mismatch: '" +
                                               std::string(name) + "' must be an object.");
  return *found;
}

std::optional<std::int64_t> integer_option(const nlohmann::ordered_json& options, const char* name, std::int64_t min,
                                           std::int64_t max) {
  const auto found = options.find(name);
  if (found == options.end() || found->is_null()) return std::nullopt;
  if (!found->is_number_integer())
    fail("", "REQUEST_STRUCTURE_MISMATCH", "'" + std::string(name) + "' must be an integer.");
  const std::int64_t value = found->get<std::int64_t>();
  if (value < min || value > max)
    fail("", "COMMAND_FIELD_VALUE_INVALID", "Command field '" + std::string(name) + "' value " +
                                                std::to_string(value) + " not valid: must be between " +
                                                std::to_string(min) + " and " + std::to_string(max) + ".");
  return value;
}

bool bool_option(const nlohmann::ordered_json& options, const char* name) {
  const auto found = options.find(name);
  if (found == options.end() || found->is_null()) return false;
  if (!found->is_boolean()) fail("", "REQUEST_STRUCTURE_MISMATCH", "'" + std::string(name) + "' must be a boolean.");
  return found->get<bool>();
}

std::optional<std::string> string_option(const nlohmann::ordered_json& options, const char* name) {
  const auto found = options.find(name);
  if (found == options.end() || found->is_null()) return std::nullopt;
  if (!found->is_string()) fail("", "REQUEST_STRUCTURE_MISMATCH", "'" + std::string(name) + "' must be a string.");
  return found->get<std::string>();
}

bool is_valid_name(const std::string& name) {
  if (name.empty() || name.size() > 48 || !std::isalpha(static_cast<unsigned char>(name[0]))) return false;
  return std::all_of(name.begin(), name.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

namespace {

constexpr std::size_t kMaxInsertDocuments = 100;  // data-api-wire §1.9

}  // namespace

nlohmann::ordered_json insert_documents(const Command& command, bool& ordered, bool& responses) {
  if (command.name == "insertOne") {
    require_known_fields(command.body, {"document"}, "insertOne");
    const auto document = command.body.find("document");
    if (document == command.body.end() || !document->is_object())
      fail("", "REQUEST_STRUCTURE_MISMATCH", "Request is valid JSON but has a structural mismatch: 'document' must be an object.");
    return nlohmann::ordered_json::array({*document});
  }
  require_known_fields(command.body, {"documents", "options"}, "insertMany");
  const nlohmann::ordered_json& options = object_field(command.body, "options");
  require_known_fields(options, {"ordered", "returnDocumentResponses"}, "insertMany options");
  ordered = bool_option(options, "ordered");
  responses = bool_option(options, "returnDocumentResponses");
  const auto documents = command.body.find("documents");
  if (documents == command.body.end() || !documents->is_array())
    fail("", "REQUEST_STRUCTURE_MISMATCH", "Request is valid JSON but has a structural mismatch: 'documents' must be an array.");
  if (documents->empty() || documents->size() > kMaxInsertDocuments)
    fail("", "COMMAND_FIELD_VALUE_INVALID", "Command field 'documents' not valid: between 1 and 100 documents per insertMany.");
  return *documents;
}

}  // namespace killrvideo::host::embedded
