#include "killrvideo/plugin/data/Vectors.h"

#include <charconv>
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

}  // namespace

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
