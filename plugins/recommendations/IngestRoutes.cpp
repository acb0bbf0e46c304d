#include "IngestRoutes.h"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "killrvideo/plugin/Errors.h"
#include "killrvideo/plugin/Responses.h"
#include "killrvideo/plugin/data/Vectors.h"

#include "IngestBody.h"

namespace killrvideo::recommendations {

void IngestRoutes::register_with(plugin::Registrar& registrar) {
  registrar.route(plugin::Method::Post, "/api/v1/reco/ingest", plugin::Access::Creator,
                  [this](const plugin::Request& request) { return ingest(request); });
}

void IngestRoutes::check_vector(const std::vector<float>& vector) const {
  const std::size_t dimension = services_.host.embedder().dimension();
  if (vector.size() != dimension) {
    throw plugin::BadRequest("The vector has " + std::to_string(vector.size()) + " components; videos.content_features has " +
                             std::to_string(dimension) + ".");
  }
  if (!std::all_of(vector.begin(), vector.end(), [](float component) { return std::isfinite(component); })) {
    throw plugin::BadRequest("Every component of the vector must be a finite 32-bit float.");
  }
  if (std::all_of(vector.begin(), vector.end(), [](float component) { return component == 0.0F; })) {
    throw plugin::BadRequest("The vector is all zeros: cosine similarity is undefined for it.");
  }
}

bool IngestRoutes::stored(const std::string& video_id, const std::vector<float>& vector) const {
  const auto video = services_.videos.find(video_id);
  if (!video) return false;
  const auto features = video->find("content_features");
  return features != video->end() && features->is_array() && plugin::data::vector_from_json(*features) == vector;
}

plugin::Response IngestRoutes::ingest(const plugin::Request& request) const {
  const EmbeddingIngest body = read_embedding_ingest(request);
  if (!services_.videos.find(body.video_id)) throw plugin::NotFound("Video " + body.video_id + " not found.");
  check_vector(body.vector);
  services_.host.events().publish(kEmbeddingIngestedTopic,
                                  {{"videoId", body.video_id}, {"vector", body.vector}});
  if (!stored(body.video_id, body.vector)) {
    throw plugin::ServiceUnavailable("The embedding of video " + body.video_id + " was not stored. Please try again later.");
  }
  return plugin::json_response(202, {{"videoId", body.video_id},
                                     {"status", kStoredStatus},
                                     {"message", "Embedding stored in videos.content_features."}});
}

}  // namespace killrvideo::recommendations
