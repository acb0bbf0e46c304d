#pragma once
// Vectors in JSON: what a row, a filter or a sort carries for a vector column or $vector.

#include <nlohmann/json.hpp>
#include <vector>

namespace killrvideo::plugin::data {

// An array of numbers, each the shortest decimal that reads back as the same float32, so 0.1f is
// sent as 0.1 and not as 0.10000000149011612.
nlohmann::ordered_json vector_to_json(const std::vector<float>& vector);
// {"$binary": base64 of the float32 values, big-endian}: the same vector in a quarter of the text and one
// JSON string instead of an array of numbers, read exactly by both backends (what bulk writes send).
nlohmann::ordered_json vector_to_binary_json(const std::vector<float>& vector);
// Throws std::invalid_argument when `json` is not an array of numbers.
std::vector<float> vector_from_json(const nlohmann::ordered_json& json);

}  // namespace killrvideo::plugin::data
