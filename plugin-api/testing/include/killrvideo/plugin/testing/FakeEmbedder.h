#pragma once
// Same text, same vector; different texts, unrelated vectors. Enough to test that a plugin stores and
// searches with the embedding it was given, without claiming any notion of meaning.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

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
  // The same vector as embed(): a fake has no notion of a query as opposed to a document.
  Embedding embed_query(std::string_view text) noexcept override { return embed(text); }
  std::vector<Embedding> embed_documents(const std::vector<std::string>& texts) noexcept override;

 private:
  std::size_t dimension_;
};

}  // namespace killrvideo::plugin::testing
