#pragma once
// The search plugin's config block:
//
//   - { name: search, config: { similarity_threshold: 0.65 } }

#include <nlohmann/json_fwd.hpp>

namespace killrvideo::search {

// The reference's VECTOR_SEARCH_SIMILARITY_THRESHOLD (api-contract §5.6).
inline constexpr double kDefaultSimilarityThreshold = 0.65;

struct SearchSettings {
  // The least Data API similarity ((1 + cos) / 2, in 0..1) a semantic hit has.
  double similarity_threshold = kDefaultSimilarityThreshold;
};

// Throws std::invalid_argument naming the key when a value has the wrong type or range.
SearchSettings search_settings_from(const nlohmann::json& plugin_config);

}  // namespace killrvideo::search
