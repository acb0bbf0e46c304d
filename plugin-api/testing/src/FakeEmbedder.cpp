#include "killrvideo/plugin/testing/FakeEmbedder.h"

#include <cmath>
#include <cstdint>
#include <stdexcept>

namespace killrvideo::plugin::testing {

namespace {

// FNV-1a: stable across platforms and runs, unlike std::hash.
std::uint64_t fnv1a(std::string_view text) noexcept {
  std::uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return hash;
}

// splitmix64: spreads one seed over as many well-mixed values as the dimension needs.
std::uint64_t next_mixed(std::uint64_t& state) noexcept {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

void normalise(std::vector<float>& vector) noexcept {
  double squares = 0;
  for (float x : vector) squares += static_cast<double>(x) * x;
  const double norm = std::sqrt(squares);
  for (float& x : vector) x = static_cast<float>(x / norm);
}

}  // namespace

FakeEmbedder::FakeEmbedder(std::size_t dimension) : dimension_(dimension) {
  if (dimension == 0) throw std::invalid_argument("FakeEmbedder: dimension must be at least 1");
}

Embedding FakeEmbedder::embed(std::string_view text) noexcept {
  std::uint64_t state = fnv1a(text);
  Embedding embedding;
  embedding.vector.resize(dimension_);
  for (float& x : embedding.vector) {
    // The top 24 bits, spread evenly over [-1, 1).
    x = static_cast<float>(next_mixed(state) >> 40) / static_cast<float>(1u << 23) - 1.0f;
  }
  normalise(embedding.vector);
  return embedding;
}

std::vector<Embedding> FakeEmbedder::embed_documents(const std::vector<std::string>& texts) noexcept {
  std::vector<Embedding> embeddings;
  try {
    embeddings.reserve(texts.size());
    for (const auto& text : texts) embeddings.push_back(embed(text));
  } catch (const std::exception& e) {
    embeddings.assign(texts.size(), Embedding{{}, e.what()});
  }
  return embeddings;
}

}  // namespace killrvideo::plugin::testing
