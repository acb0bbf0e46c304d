#pragma once
// The body of POST /reco/ingest, {videoId: uuid, vector: float[]}, validated the way FastAPI validates
// the reference's model: every problem in one 422.

#include <string>
#include <vector>

#include "killrvideo/plugin/Http.h"

namespace killrvideo::recommendations {

struct EmbeddingIngest {
  std::string video_id;  // lowercase canonical
  std::vector<float> vector;
};

// Throws plugin::ValidationError.
EmbeddingIngest read_embedding_ingest(const plugin::Request& request);

}  // namespace killrvideo::recommendations
