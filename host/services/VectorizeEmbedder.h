#pragma once
#include <string>

#include "killrvideo/plugin/HostServices.h"

namespace killrvideo::host {

// `embedding.provider: astra-vectorize`: the database embeds, not the host. Plugins learn the service to
// declare on their vector columns from vectorize_service() and send text; the embed calls answer an error
// saying so, since no vector made here could be compared with the database's.
class VectorizeEmbedder final : public plugin::Embedder {
 public:
  VectorizeEmbedder(std::size_t dimension, plugin::VectorizeService service);
  std::size_t dimension() const noexcept override { return dimension_; }
  plugin::Embedding embed(std::string_view text) noexcept override;
  plugin::Embedding embed_query(std::string_view text) noexcept override;
  std::vector<plugin::Embedding> embed_documents(const std::vector<std::string>& texts) noexcept override;
  std::optional<plugin::VectorizeService> vectorize_service() const noexcept override { return service_; }

 private:
  plugin::Embedding refusal() const;

  std::size_t dimension_;
  plugin::VectorizeService service_;
};

}  // namespace killrvideo::host
