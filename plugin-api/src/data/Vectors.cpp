#include "killrvideo/plugin/data/Vectors.h"

#include <charconv>
#include <cstdint>
#include <cstring>
#include <string>
#include <stdexcept>

namespace killrvideo::plugin::data {

namespace {

// The double whose shortest decimal form is the float's shortest form: JSON then carries "0.1" for
// 0.1f, which the server reads back as exactly the same float32.
double widen_without_noise(float value) {
  char text[32];
  const auto written = std::to_chars(text, text + sizeof text, value);
  double widened = value;
  std::from_chars(text, written.ptr, widened);
  return widened;
}

std::string base64(const std::string& bytes) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string text;
  text.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const auto group = static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << 16 |
                       static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8 |
                       static_cast<unsigned char>(bytes[i + 2]);
    for (int shift = 18; shift >= 0; shift -= 6) text += kAlphabet[(group >> shift) & 63];
  }
  if (i < bytes.size()) {
    std::uint32_t group = static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << 16;
    if (i + 1 < bytes.size()) group |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8;
    text += kAlphabet[(group >> 18) & 63];
    text += kAlphabet[(group >> 12) & 63];
    text += i + 1 < bytes.size() ? kAlphabet[(group >> 6) & 63] : '=';
    text += '=';
  }
  return text;
}

}  // namespace

nlohmann::ordered_json vector_to_binary_json(const std::vector<float>& vector) {
  std::string bytes;
  bytes.reserve(vector.size() * 4);
  for (float value : vector) {
    std::uint32_t bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    for (int shift = 24; shift >= 0; shift -= 8) bytes += static_cast<char>((bits >> shift) & 0xFF);
  }
  return {{"$binary", base64(bytes)}};
}

nlohmann::ordered_json vector_to_json(const std::vector<float>& vector) {
  nlohmann::ordered_json array = nlohmann::ordered_json::array();
  for (float value : vector) array.push_back(widen_without_noise(value));
  return array;
}

std::vector<float> vector_from_json(const nlohmann::ordered_json& json) {
  if (!json.is_array()) throw std::invalid_argument("a vector must be a JSON array, got " + json.dump());
  std::vector<float> vector;
  vector.reserve(json.size());
  for (const auto& element : json) {
    if (!element.is_number()) throw std::invalid_argument("a vector holds numbers only, got " + element.dump());
    vector.push_back(element.get<float>());
  }
  return vector;
}

}  // namespace killrvideo::plugin::data
