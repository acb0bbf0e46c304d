#pragma once
// Same text, same vector; different texts, unrelated vectors. Enough to test that a plugin stores and
// searches with the embedding it was given, without claiming any notion of meaning.

#include <cstddef>
#include <string_view>

#include "killrvideo/plugin/HostServices.h"

namespace killrvideo::plugin::testing {

inline constexpr std::size_t kFakeEmbeddingDimension = 384;

class FakeEmbedder final : public Embedder {
 public:
  // Throws std::invalid_argument for a zero dimension.
  explicit FakeEmbedder(std::size_t dimension = kFakeEmbeddingDimension);

  std::size_t dimension() const noexcept override { return dimension_; }
  // An L2-normalised vector derived from a hash of `text`.
  Embedding embed(std::string_view text) noexcept override;

 private:
  std::size_t dimension_;
};

}  // namespace killrvideo::plugin::testing
