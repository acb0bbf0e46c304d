#include "services/VectorizeEmbedder.h"

namespace killrvideo::host {

VectorizeEmbedder::VectorizeEmbedder(std::size_t dimension, plugin::VectorizeService service)
    : dimension_(dimension), service_(std::move(service)) {}

plugin::Embedding VectorizeEmbedder::refusal() const {
  return {{},
          "embedding.provider is astra-vectorize: the database embeds text with " + service_.provider + "/" +
              service_.model_name + "; send the text to a vector column declared with that service instead"};
}

plugin::Embedding VectorizeEmbedder::embed(std::string_view) noexcept { return refusal(); }

plugin::Embedding VectorizeEmbedder::embed_query(std::string_view) noexcept { return refusal(); }

std::vector<plugin::Embedding> VectorizeEmbedder::embed_documents(const std::vector<std::string>& texts) noexcept {
  return std::vector<plugin::Embedding>(texts.size(), refusal());
}

}  // namespace killrvideo::host
