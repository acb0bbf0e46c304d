#pragma once
// R"({...})"_ojson: nlohmann's _json literal for ordered_json, the type of the data seam. Comparisons of
// ordered_json are order-sensitive, so tests written this way also pin the key order of responses.

#include <cstddef>

#include <nlohmann/json.hpp>

inline nlohmann::ordered_json operator""_ojson(const char* text, std::size_t length) {
  return nlohmann::ordered_json::parse(text, text + length);
}
