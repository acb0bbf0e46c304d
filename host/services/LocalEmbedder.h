#pragma once
#include "killrvideo/plugin/HostServices.h"

namespace killrvideo::host {

// The offline default provider (design §7): a signed feature-hashed bag of words and word bigrams,
// L2-normalised. Deterministic and honest: texts sharing words are close, nothing else is claimed.
class LocalEmbedder final : public plugin::Embedder {
 public:
  explicit LocalEmbedder(std::size_t dimension);
  std::size_t dimension() const noexcept override { return dimension_; }
  plugin::Embedding embed(std::string_view text) noexcept override;
  // A bag of words has no notion of a query as opposed to a document: both are embedded alike.
  plugin::Embedding embed_query(std::string_view text) noexcept override { return embed(text); }
  std::vector<plugin::Embedding> embed_documents(const std::vector<std::string>& texts) noexcept override;

 private:
  void add_feature(std::vector<float>& vector, std::string_view feature, float weight) const;
  std::size_t dimension_;
};

}  // namespace killrvideo::host
