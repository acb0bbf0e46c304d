#pragma once
// The embedding provider chosen by `embedding.provider` (design §7), checked before any plugin sees it.

#include <memory>

#include "config/Config.h"
#include "killrvideo/plugin/HostServices.h"

namespace killrvideo::host {

// Throws StartupError naming the embedding.* key when the provider cannot run with this config. The API
// key, from the config or KILLRVIDEO_EMBEDDING_API_KEY, is never logged.
std::unique_ptr<plugin::Embedder> make_embedder(const EmbeddingConfig& embedding, const DatabaseConfig& database);

}  // namespace killrvideo::host
