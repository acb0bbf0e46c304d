#pragma once
// Vectors from different providers, models or dimensions cannot be compared: a store must never hold a
// mix. The first start on a store records which embeddings it holds (provider, model, dimension) in a
// host-owned table; every later start compares the config with that record and refuses to start on a
// difference, saying how to get going again. Runs before the plugins' schema is created.

#include <string>

#include "config/Config.h"
#include "killrvideo/plugin/HostServices.h"

namespace killrvideo::host {

// The host-owned table holding the record: one row.
inline constexpr const char* kEmbeddingProfileTable = "embedding_profile";

struct EmbeddingProfile {
  std::string provider;
  std::string model;  // empty for `local`
  int dimension = 0;

  bool operator==(const EmbeddingProfile& other) const {
    return provider == other.provider && model == other.model && dimension == other.dimension;
  }
};

// astra-vectorize records the service as the model, and on the embedded backend the provider standing in for it.
EmbeddingProfile embedding_profile_of(const EmbeddingConfig& embedding, const DatabaseConfig& database);

// `store` is the unscoped seam. Throws StartupError when the store was embedded with another profile, or
// when the store cannot be read or written.
void guard_embedding_profile(plugin::DataClient& store, const EmbeddingConfig& embedding,
                             const DatabaseConfig& database);

}  // namespace killrvideo::host
