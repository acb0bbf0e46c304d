#pragma once
// #27 POST /reco/ingest (creator): a video's embedding from outside — another model, a batch job — into
// `videos.content_features`, which the catalog owns. This plugin validates the request and publishes
// `video.embedding.ingested` {videoId, vector}; the catalog's subscriber writes the column; delivery is
// synchronous, so reading the row back tells whether the vector was stored.

#include <string>
#include <vector>

#include "killrvideo/plugin/Http.h"
#include "killrvideo/plugin/Registrar.h"

#include "RecommendationServices.h"

namespace killrvideo::recommendations {

inline constexpr const char* kEmbeddingIngestedTopic = "video.embedding.ingested";
inline constexpr const char* kStoredStatus = "stored";

class IngestRoutes {
 public:
  explicit IngestRoutes(RecommendationServices& services) : services_(services) {}

  void register_with(plugin::Registrar& registrar);

  // 202 {videoId, status:"stored", message}. 404 `Video <uuid> not found.`; 400 when the vector's length
  // is not the column's dimension (naming both), when it is all zeros (cosine has no direction for it) or
  // holds a number beyond float range; 503 when the catalog did not store it.
  plugin::Response ingest(const plugin::Request& request) const;

 private:
  void check_vector(const std::vector<float>& vector) const;
  bool stored(const std::string& video_id, const std::vector<float>& vector) const;

  RecommendationServices& services_;
};

}  // namespace killrvideo::recommendations
