#include "app/EmbedderChoice.h"

#include <cstdlib>
#include <stdexcept>

#include <spdlog/spdlog.h>

#include "app/StartupError.h"
#include "services/LocalEmbedder.h"
#include "services/OpenAiCompatibleEmbedder.h"
#include "services/VectorizeEmbedder.h"

namespace killrvideo::host {

namespace {

std::unique_ptr<plugin::Embedder> openai_compatible(EmbeddingConfig embedding) {
  if (embedding.api_key.empty()) {
    if (const char* key = std::getenv(kEmbeddingApiKeyVariable)) embedding.api_key = key;
  }
  try {
    auto embedder = std::make_unique<OpenAiCompatibleEmbedder>(embedding);
    spdlog::info("embedding: openai-compatible, model '{}' at {} ({} dimensions, {} texts per request, {} ms timeout, "
                 "{} attempts, {})",
                 embedding.model, embedder->url(), embedding.dimension, embedding.batch_size, embedding.timeout_ms,
                 embedding.max_attempts, embedding.api_key.empty() ? "no API key" : "API key set");
    return embedder;
  } catch (const std::invalid_argument& e) {
    throw StartupError(e.what());
  }
}

std::unique_ptr<plugin::Embedder> local(const EmbeddingConfig& embedding) {
  spdlog::info("embedding: local hashed bag of words ({} dimensions)", embedding.dimension);
  return std::make_unique<LocalEmbedder>(embedding.dimension);
}

}  // namespace

std::unique_ptr<plugin::Embedder> make_embedder(const EmbeddingConfig& embedding, const DatabaseConfig& database) {
  if (embedding.provider == "local") return local(embedding);
  if (embedding.provider == "openai-compatible") return openai_compatible(embedding);
  const VectorizeConfig& vectorize = embedding.vectorize;
  if (database.backend == "none") {
    throw StartupError("embedding.provider 'astra-vectorize' needs a database to embed the text: database.backend "
                       "astra, or embedded with embedding.vectorize.stand_in set");
  }
  spdlog::info("embedding: astra-vectorize, the database embeds with {}/{} ({} dimensions)", vectorize.provider,
               vectorize.model_name, embedding.dimension);
  return std::make_unique<VectorizeEmbedder>(embedding.dimension,
                                             plugin::VectorizeService{vectorize.provider, vectorize.model_name});
}

std::unique_ptr<plugin::Embedder> make_vectorize_stand_in(const EmbeddingConfig& embedding,
                                                          const DatabaseConfig& database) {
  if (embedding.provider != "astra-vectorize" || database.backend != "embedded") return nullptr;
  const std::string& stand_in = embedding.vectorize.stand_in;
  if (stand_in.empty()) {
    throw StartupError("embedding.provider 'astra-vectorize' on database.backend 'embedded' needs "
                       "embedding.vectorize.stand_in (local or openai-compatible): the embedded store has no "
                       "embedding service of its own and embeds with that provider instead");
  }
  spdlog::info("embedding: the embedded store stands in for {}/{} with the {} provider", embedding.vectorize.provider,
               embedding.vectorize.model_name, stand_in);
  return stand_in == "local" ? local(embedding) : openai_compatible(embedding);
}

}  // namespace killrvideo::host
