#include "data/embedded/TypeCodec.h"

#include <algorithm>
#include <arpa/inet.h>
#include <cfloat>
#include <cmath>
#include <limits>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "data/embedded/Base64.h"
#include "data/embedded/TimeCodec.h"
#include "data/embedded/Uuid.h"
#include "data/embedded/VectorCodec.h"

namespace killrvideo::host::embedded {

namespace {

using json = nlohmann::ordered_json;

[[noreturn]] void invalid(const std::string& reason) { throw std::invalid_argument(reason); }

std::int64_t integer_in_range(const json& value, std::int64_t low, std::int64_t high, const std::string& type) {
  if (value.is_number_unsigned() && value.get<std::uint64_t>() > static_cast<std::uint64_t>(high))
    invalid("value " + value.dump() + " is out of range for " + type);
  if (value.is_number_float()) {
    const double number = value.get<double>();
    if (std::trunc(number) != number) invalid("value " + value.dump() + " has a fraction, " + type + " needs an integer");
    if (number < static_cast<double>(low) || number > static_cast<double>(high))
      invalid("value " + value.dump() + " is out of range for " + type);
    return static_cast<std::int64_t>(number);
  }
  if (!value.is_number()) invalid(type + " needs an integer, got " + value.dump());
  const std::int64_t number = value.get<std::int64_t>();
  if (number < low || number > high) invalid("value " + value.dump() + " is out of range for " + type);
  return number;
}

SqlValue encode_integer(const std::string& type, const json& value) {
  if (type == "tinyint") return integer_in_range(value, INT8_MIN, INT8_MAX, type);
  if (type == "smallint") return integer_in_range(value, INT16_MIN, INT16_MAX, type);
  if (type == "int") return integer_in_range(value, INT32_MIN, INT32_MAX, type);
  return integer_in_range(value, INT64_MIN, INT64_MAX, type);  // bigint; varint limited to 64 bits here
}

// float/double accept the three special strings; SQLite stores NaN as NULL, so NaN reads back absent.
double special_float(const json& value, const std::string& type) {
  const std::string text = value.get<std::string>();
  if (text == "NaN") return std::numeric_limits<double>::quiet_NaN();
  if (text == "Infinity") return std::numeric_limits<double>::infinity();
  if (text == "-Infinity") return -std::numeric_limits<double>::infinity();
  invalid(type + " needs a number, got " + value.dump());
}

SqlValue encode_real(const std::string& type, const json& value) {
  if (value.is_string() && type != "decimal") return special_float(value, type);
  if (!value.is_number()) invalid(type + " needs a number, got " + value.dump());
  const double number = value.get<double>();
  if (type == "float") {
    if (std::fabs(number) > FLT_MAX) invalid("value " + value.dump() + " is out of range for float");
    return static_cast<double>(static_cast<float>(number));
  }
  return number;
}

std::string require_string(const json& value, const std::string& type) {
  if (!value.is_string()) invalid(type + " needs a string, got " + value.dump());
  return value.get<std::string>();
}

SqlValue encode_timestamp(const json& value) {
  if (value.is_object() && value.size() == 1 && value.contains("$date") && value["$date"].is_number_integer())
    return value["$date"].get<std::int64_t>();
  const auto epoch_ms = parse_timestamp(require_string(value, "timestamp"));
  if (!epoch_ms) invalid("timestamp needs ISO-8601 with a zone, got " + value.dump());
  return *epoch_ms;
}

SqlValue encode_text_like(const std::string& type, const json& value) {
  std::string text = require_string(value, type);
  if (type == "ascii" && std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) > 127; }))
    invalid("ascii value has non-ASCII characters");
  if (type == "uuid" || type == "timeuuid") {
    if (!is_uuid(text)) invalid("not a uuid: " + value.dump());
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  }
  if (type == "date" && !is_valid_date(text)) invalid("date needs YYYY-MM-DD, got " + value.dump());
  if (type == "time" && !is_valid_time(text)) invalid("time needs HH:MM:SS[.fffffffff], got " + value.dump());
  if (type == "duration") {
    const auto iso = normalize_duration(text);
    if (!iso) invalid("not a duration: " + value.dump());
    text = *iso;
  }
  if (type == "inet") {
    unsigned char address[16];
    if (inet_pton(AF_INET, text.c_str(), address) != 1 && inet_pton(AF_INET6, text.c_str(), address) != 1)
      invalid("not an IP address: " + value.dump());
  }
  return text;
}

SqlValue encode_blob(const json& value) {
  if (!value.is_object() || value.size() != 1 || !value.contains("$binary") || !value["$binary"].is_string())
    invalid("blob needs {\"$binary\": \"<base64>\"}, got " + value.dump());
  const auto bytes = base64_decode(value["$binary"].get<std::string>());
  if (!bytes) invalid("blob \"$binary\" is not valid base64");
  return Blob{*bytes};
}

SqlValue encode_primitive(const std::string& type, const json& value) {
  if (type == "tinyint" || type == "smallint" || type == "int" || type == "bigint" || type == "varint")
    return encode_integer(type, value);
  if (type == "float" || type == "double" || type == "decimal") return encode_real(type, value);
  if (type == "boolean") {
    if (!value.is_boolean()) invalid("boolean needs true or false, got " + value.dump());
    return static_cast<std::int64_t>(value.get<bool>());
  }
  if (type == "timestamp") return encode_timestamp(value);
  if (type == "blob") return encode_blob(value);
  return encode_text_like(type, value);
}

SqlValue encode_vector(const ColumnType& type, const json& value) {
  const std::vector<float> vector = parse_vector(value);
  if (static_cast<int>(vector.size()) != type.dimension)
    invalid("vector has " + std::to_string(vector.size()) + " values, the column needs " +
            std::to_string(type.dimension));
  return Blob{vector_to_bytes(vector)};
}

json canonical_elements(const std::string& element_type, const json& array) {
  json out = json::array();
  for (const auto& element : array) out.push_back(canonical_element(element_type, element));
  return out;
}

json canonical_map(const ColumnType& type, const json& value) {
  const bool text_keys = type.key_type == "text" || type.key_type == "ascii";
  json entries = json::array();
  if (value.is_object()) {
    for (const auto& [key, element] : value.items()) {
      json parsed_key = key;
      if (!text_keys && ColumnType{type.key_type, "", "", 0, ""}.is_integer()) {
        try {
          parsed_key = std::stoll(key);
        } catch (const std::exception&) {
          invalid("map key " + json(key).dump() + " is not a " + type.key_type);
        }
      }
      entries.push_back({canonical_element(type.key_type, parsed_key), canonical_element(type.value_type, element)});
    }
  } else if (value.is_array()) {
    for (const auto& pair : value) {
      if (!pair.is_array() || pair.size() != 2) invalid("map entries must be [key, value] pairs");
      entries.push_back({canonical_element(type.key_type, pair[0]), canonical_element(type.value_type, pair[1])});
    }
  } else {
    invalid("map needs an object or an array of [key, value] pairs, got " + value.dump());
  }
  std::sort(entries.begin(), entries.end());
  if (!text_keys) return entries;
  json object = json::object();
  for (const auto& pair : entries) object[pair[0].get<std::string>()] = pair[1];
  return object;
}

SqlValue encode_container(const ColumnType& type, const json& value) {
  json canonical;
  if (type.name == "map") {
    canonical = canonical_map(type, value);
  } else {
    if (!value.is_array()) invalid(type.name + " needs an array, got " + value.dump());
    canonical = canonical_elements(type.value_type, value);
    if (type.name == "set") {
      std::sort(canonical.begin(), canonical.end());
      canonical.erase(std::unique(canonical.begin(), canonical.end()), canonical.end());
    }
  }
  // Like Cassandra, an empty collection is no value at all.
  if (canonical.empty()) return std::monostate{};
  return canonical.dump();
}

json decode_real(const ColumnType& type, double number) {
  if (std::isnan(number)) return "NaN";
  if (std::isinf(number)) return number > 0 ? "Infinity" : "-Infinity";
  if (type.name == "float") return float_to_json(static_cast<float>(number));
  return number;
}

}  // namespace

SqlValue encode_value(const ColumnType& type, const json& value) {
  if (value.is_null()) return std::monostate{};
  if (type.is_vector()) return encode_vector(type, value);
  if (type.is_container()) return encode_container(type, value);
  return encode_primitive(type.name, value);
}

json canonical_element(const std::string& primitive_type, const json& value) {
  if (value.is_null()) invalid("collections cannot hold null");
  const ColumnType type{primitive_type, "", "", 0, ""};
  return decode_value(type, encode_primitive(primitive_type, value));
}

json decode_value(const ColumnType& type, SqlValue value) { return decode_value(type, decoding_of(type), std::move(value)); }

ValueDecoding decoding_of(const ColumnType& type) {
  if (type.is_vector()) return ValueDecoding::Vector;
  if (type.is_container()) return ValueDecoding::Container;
  if (type.name == "blob") return ValueDecoding::Blob;
  if (type.name == "boolean") return ValueDecoding::Boolean;
  if (type.name == "timestamp") return ValueDecoding::Timestamp;
  if (type.is_integer()) return ValueDecoding::Integer;
  return ValueDecoding::Other;
}

json decode_value(const ColumnType& type, ValueDecoding decoding, SqlValue value) {
  if (std::holds_alternative<std::monostate>(value)) return nullptr;
  switch (decoding) {
    case ValueDecoding::Vector: return vector_to_json(vector_from_bytes(std::get<Blob>(value).bytes));
    case ValueDecoding::Container: return json::parse(std::get<std::string>(value));
    case ValueDecoding::Blob: return {{"$binary", base64_encode(std::get<Blob>(value).bytes)}};
    case ValueDecoding::Boolean: return std::get<std::int64_t>(value) != 0;
    case ValueDecoding::Timestamp: return format_timestamp(std::get<std::int64_t>(value));
    case ValueDecoding::Integer: return std::get<std::int64_t>(value);
    case ValueDecoding::Other: break;
  }
  if (const auto* real = std::get_if<double>(&value)) return decode_real(type, *real);
  if (const auto* integer = std::get_if<std::int64_t>(&value)) return decode_real(type, static_cast<double>(*integer));
  return std::move(std::get<std::string>(value));
}

}  // namespace killrvideo::host::embedded
