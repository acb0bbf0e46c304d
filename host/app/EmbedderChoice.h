#pragma once
// The embedding provider chosen by `embedding.provider` (design §7), checked before any plugin sees it.

#include <memory>

#include "config/Config.h"
#include "killrvideo/plugin/HostServices.h"

namespace killrvideo::host {

// Throws StartupError naming the embedding.* key when the provider cannot run with this config. The API
// key, from the config or KILLRVIDEO_EMBEDDING_API_KEY, is never logged.
// `astra-vectorize` gives the plugins an embedder that only names the service (the database embeds).
std::unique_ptr<plugin::Embedder> make_embedder(const EmbeddingConfig& embedding, const DatabaseConfig& database);

// What the embedded engine embeds vectorize text with: the `embedding.vectorize.stand_in` provider under
// astra-vectorize on the embedded backend; null otherwise (Astra embeds itself; the other providers send
// vectors). Throws StartupError when astra-vectorize runs on the embedded backend without a stand-in.
std::unique_ptr<plugin::Embedder> make_vectorize_stand_in(const EmbeddingConfig& embedding,
                                                          const DatabaseConfig& database);

}  // namespace killrvideo::host
