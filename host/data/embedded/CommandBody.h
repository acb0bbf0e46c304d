#pragma once
// Strict reading of a command body (data-api-wire §1.4): unknown fields → COMMAND_FIELD_UNKNOWN,
// wrong JSON shapes → REQUEST_STRUCTURE_MISMATCH, out-of-range values → COMMAND_FIELD_VALUE_INVALID.

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>

#include <nlohmann/json_fwd.hpp>

namespace killrvideo::host::embedded {

void require_known_fields(const nlohmann::ordered_json& object, std::initializer_list<const char*> allowed,
                          const std::string& where);
// The named member as an object; absent or null → empty object.
const nlohmann::ordered_json& object_field(const nlohmann::ordered_json& body, const char* name);
std::optional<std::int64_t> integer_option(const nlohmann::ordered_json& options, const char* name, std::int64_t min,
                                           std::int64_t max);
bool bool_option(const nlohmann::ordered_json& options, const char* name);
std::optional<std::string> string_option(const nlohmann::ordered_json& options, const char* name);
struct Command;

// The documents of an insertOne (one) or insertMany (1..100), with insertMany's `ordered` and
// `returnDocumentResponses` options; tables and collections read them alike.
nlohmann::ordered_json insert_documents(const Command& command, bool& ordered, bool& responses);
// A table or collection name: [a-zA-Z][a-zA-Z0-9_]*, at most 48 characters.
bool is_valid_name(const std::string& name);

}  // namespace killrvideo::host::embedded
