#include "services/LocalEmbedder.h"

#include <cctype>
#include <cmath>
#include <string>

namespace killrvideo::host {

namespace {

constexpr float kWordWeight = 1.0F;
// Bigrams carry word order, but weigh less than the words so a shared word dominates.
constexpr float kBigramWeight = 0.5F;

std::uint64_t fnv1a(std::string_view text) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (const unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  return hash;
}

// Lower-cased runs of letters and digits; bytes ≥ 0x80 count as letters so UTF-8 words stay whole.
std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  std::string current;
  for (const unsigned char c : text) {
    if (std::isalnum(c) || c >= 0x80) {
      current.push_back(static_cast<char>(std::tolower(c)));
    } else if (!current.empty()) {
      words.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) words.push_back(std::move(current));
  return words;
}

}  // namespace

LocalEmbedder::LocalEmbedder(std::size_t dimension) : dimension_(dimension) {}

void LocalEmbedder::add_feature(std::vector<float>& vector, std::string_view feature, float weight) const {
  const std::uint64_t hash = fnv1a(feature);
  const float sign = (hash >> 63) != 0 ? -1.0F : 1.0F;
  vector[hash % dimension_] += sign * weight;
}

plugin::Embedding LocalEmbedder::embed(std::string_view text) noexcept {
  try {
    const auto words = words_of(text);
    if (words.empty()) return {{}, "Cannot generate embedding for empty text"};
    std::vector<float> vector(dimension_, 0.0F);
    for (std::size_t i = 0; i < words.size(); ++i) {
      add_feature(vector, words[i], kWordWeight);
      if (i > 0) add_feature(vector, words[i - 1] + ' ' + words[i], kBigramWeight);
    }
    double norm = 0.0;
    for (const float x : vector) norm += static_cast<double>(x) * x;
    // Opposite-signed collisions can cancel every feature; a zero vector is invalid for cosine.
    if (norm == 0.0) return {{}, "Cannot generate embedding: every feature cancelled out"};
    const float scale = static_cast<float>(1.0 / std::sqrt(norm));
    for (float& x : vector) x *= scale;
    return {std::move(vector), {}};
  } catch (const std::exception& e) {
    return {{}, e.what()};
  }
}

std::vector<plugin::Embedding> LocalEmbedder::embed_documents(const std::vector<std::string>& texts) noexcept {
  std::vector<plugin::Embedding> embeddings;
  try {
    embeddings.reserve(texts.size());
    for (const auto& text : texts) embeddings.push_back(embed(text));
  } catch (const std::exception& e) {
    embeddings.assign(texts.size(), plugin::Embedding{{}, e.what()});
  }
  return embeddings;
}

}  // namespace killrvideo::host
