#include "data/embedded/VectorCodec.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

#include <nlohmann/json.hpp>

#include "data/embedded/Base64.h"

namespace killrvideo::host::embedded {

namespace {

std::vector<float> parse_binary_vector(const nlohmann::ordered_json& binary) {
  if (!binary.is_string()) throw std::invalid_argument("\"$binary\" must be a base64 string");
  const auto bytes = base64_decode(binary.get<std::string>());
  if (!bytes) throw std::invalid_argument("\"$binary\" is not valid base64");
  if (bytes->size() % 4 != 0) throw std::invalid_argument("binary vector length is not a multiple of 4 bytes");
  std::vector<float> vector(bytes->size() / 4);
  for (std::size_t i = 0; i < vector.size(); ++i) {
    std::uint32_t bits = 0;
    for (int b = 0; b < 4; ++b) bits = (bits << 8) | static_cast<unsigned char>((*bytes)[i * 4 + b]);  // big-endian
    std::memcpy(&vector[i], &bits, sizeof bits);
  }
  return vector;
}

}  // namespace

std::vector<float> parse_vector(const nlohmann::ordered_json& value) {
  if (value.is_string()) throw VectorizeRequested("a string asks for vectorize");
  if (value.is_object() && value.size() == 1 && value.contains("$binary")) return parse_binary_vector(value["$binary"]);
  if (!value.is_array()) throw std::invalid_argument("a vector must be an array of numbers or {\"$binary\": ...}");
  std::vector<float> vector;
  vector.reserve(value.size());
  for (const auto& element : value) {
    if (!element.is_number()) throw std::invalid_argument("a vector must contain only numbers");
    vector.push_back(element.get<float>());
  }
  return vector;
}

std::string vector_to_bytes(const std::vector<float>& vector) {
  return std::string(reinterpret_cast<const char*>(vector.data()), vector.size() * sizeof(float));
}

std::vector<float> vector_from_bytes(const std::string& bytes) {
  std::vector<float> vector(bytes.size() / sizeof(float));
  std::memcpy(vector.data(), bytes.data(), vector.size() * sizeof(float));
  return vector;
}

nlohmann::ordered_json float_to_json(float value) {
  if (!std::isfinite(value)) return nullptr;
  // The shortest decimal that reads back as the same float, then held as the double of that text,
  // so the JSON writer prints it as written. std::to_chars finds it in one pass; trying printf
  // precisions 1 to 9 took most of a 1024-dimension row read (tools/benchmarks/RELATED.md).
  char text[32];
  const auto written = std::to_chars(text, text + sizeof text, value);
  double widened = value;
  std::from_chars(text, written.ptr, widened);
  return widened;
}

nlohmann::ordered_json vector_to_json(const std::vector<float>& vector) {
  nlohmann::ordered_json array = nlohmann::ordered_json::array();
  for (const float component : vector) array.push_back(float_to_json(component));
  return array;
}

bool is_zero_vector(const std::vector<float>& vector) {
  for (const float component : vector)
    if (component != 0.0f) return false;
  return true;
}

}  // namespace killrvideo::host::embedded
