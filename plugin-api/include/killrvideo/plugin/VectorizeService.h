#pragma once
// A database-side embedding service (the Data API's "vectorize", data-api-wire §3.1): a vector column
// declared with one takes text, which the database embeds, and sorts by text.

#include <string>

namespace killrvideo::plugin {

struct VectorizeService {
  std::string provider;    // the Data API's provider name, e.g. "nvidia"
  std::string model_name;  // e.g. "NV-Embed-QA"
};

}  // namespace killrvideo::plugin
