#include "app/EmbedderChoice.h"

#include <cstdlib>
#include <stdexcept>

#include <spdlog/spdlog.h>

#include "app/StartupError.h"
#include "services/LocalEmbedder.h"
#include "services/OpenAiCompatibleEmbedder.h"

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

}  // namespace

std::unique_ptr<plugin::Embedder> make_embedder(const EmbeddingConfig& embedding, const DatabaseConfig& database) {
  if (embedding.provider == "local") {
    spdlog::info("embedding: local hashed bag of words ({} dimensions)", embedding.dimension);
    return std::make_unique<LocalEmbedder>(embedding.dimension);
  }
  if (embedding.provider == "openai-compatible") return openai_compatible(embedding);
  // astra-vectorize: Astra embeds server-side, which needs vector columns declared with a vectorize service
  // and inserts and sorts that carry text ($vectorize); the plugins and the embedded engine do not do that yet.
  if (database.backend != "astra") {
    throw StartupError("embedding.provider 'astra-vectorize' needs database.backend: astra (Astra DB embeds the text "
                       "itself); with database.backend '" + database.backend +
                       "' use 'local' or 'openai-compatible'");
  }
  throw StartupError("embedding.provider 'astra-vectorize' is not implemented in this build: it needs vector columns "
                     "declared with a vectorize service and $vectorize inserts and sorts, which the plugins do not "
                     "issue yet; use 'openai-compatible' with the same model (e.g. NV-Embed-QA on a NIM) or 'local'");
}

}  // namespace killrvideo::host
