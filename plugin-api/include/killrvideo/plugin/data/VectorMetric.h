#pragma once
// How vector similarity is scored (data-api-wire §6), for table vector indexes and vector collections.

#include <string_view>

namespace killrvideo::plugin::data {

enum class VectorMetric { Cosine, DotProduct, Euclidean };

inline std::string_view to_wire(VectorMetric metric) noexcept {
  switch (metric) {
    case VectorMetric::DotProduct:
      return "dot_product";
    case VectorMetric::Euclidean:
      return "euclidean";
    case VectorMetric::Cosine:
      break;
  }
  return "cosine";
}

}  // namespace killrvideo::plugin::data
