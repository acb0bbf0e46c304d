#pragma once
// Rows and vectors the recommendations unit tests script through FakeHost, in the testing kit's Data API
// replies (the plugin reads the catalog's tables).

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "killrvideo/plugin/data/Vectors.h"
#include "killrvideo/plugin/testing/DataReplies.h"
#include "killrvideo/plugin/testing/FakeEmbedder.h"

#include "tests/plugins/catalog/CatalogTestSupport.h"

namespace killrvideo::recommendations::testing {

using catalog::testing::OJson;
using plugin::testing::replies::found;
using plugin::testing::replies::found_none;
using plugin::testing::replies::found_one;
using plugin::testing::replies::updated;

inline constexpr const char* kSourceId = "5e1f3b0a-1c2d-4e5f-8a9b-0c1d2e3f4a5b";
inline constexpr const char* kIdA = "aaaaaaaa-0000-4000-8000-000000000001";
inline constexpr const char* kIdB = "bbbbbbbb-0000-4000-8000-000000000002";
inline constexpr const char* kIdC = "cccccccc-0000-4000-8000-000000000003";
inline constexpr const char* kUserId = "6c1f0e8a-2b7d-4f1e-9a51-0d3c2b4a5e6f";

// A vector of the fake embedder's dimension pointing along axis `axis`, scaled by `length`.
inline std::vector<float> axis_vector(std::size_t axis, float length = 1.0F) {
  std::vector<float> vector(plugin::testing::kFakeEmbeddingDimension, 0.0F);
  vector.at(axis) = length;
  return vector;
}

// A `videos` row as the ANN read projects it, with its similarity.
inline OJson ann_row(const std::string& id, const std::string& title, double similarity, const std::string& status = "READY",
                     const std::vector<std::string>& tags = {}) {
  return {{"videoid", id}, {"name", title}, {"added_date", "2025-06-01T00:00:00.000Z"}, {"status", status},
          {"tags", tags}, {"$similarity", similarity}};
}

// A full `videos` row, with `features` in content_features when given.
inline OJson video_row(const std::string& id, const std::string& title, const std::vector<float>& features = {},
                       const std::vector<std::string>& tags = {}) {
  OJson row = {{"videoid", id}, {"userid", kUserId}, {"name", title}, {"added_date", "2025-06-01T00:00:00.000Z"},
               {"preview_image_location", "https://i.ytimg.com/vi/abcdefghijk/hqdefault.jpg"}, {"status", "READY"},
               {"tags", tags}};
  if (!features.empty()) row["content_features"] = plugin::data::vector_to_json(features);
  return row;
}

inline OJson stats(const std::string& id, int views, int rating_count = 0, int rating_total = 0) {
  return {{"_id", id}, {"views", views}, {"rating_count", rating_count}, {"rating_total", rating_total}};
}

}  // namespace killrvideo::recommendations::testing
