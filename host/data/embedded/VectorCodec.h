#pragma once
// Vectors on the wire (arrays or big-endian float32 "$binary", data-api-wire §2.1) and in SQLite
// (native float32 bytes in a BLOB, read back without conversion).

#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace killrvideo::host::embedded {

// Thrown for a string where a vector is expected: a request to vectorize, which needs a provider.
struct VectorizeRequested : std::invalid_argument {
  using std::invalid_argument::invalid_argument;
};

// An array of numbers or {"$binary": "..."}; std::invalid_argument with the reason otherwise.
std::vector<float> parse_vector(const nlohmann::ordered_json& value);
std::string vector_to_bytes(const std::vector<float>& vector);
std::vector<float> vector_from_bytes(const std::string& bytes);
// Array of numbers, each float printed shortest (0.1, not 0.10000000149011612).
nlohmann::ordered_json vector_to_json(const std::vector<float>& vector);
nlohmann::ordered_json float_to_json(float value);
bool is_zero_vector(const std::vector<float>& vector);

}  // namespace killrvideo::host::embedded
