#include "EmbeddingSubscriber.h"

#include <stdexcept>
#include <string>
#include <vector>

#include "killrvideo/plugin/data/Update.h"
#include "killrvideo/plugin/data/Vectors.h"

namespace killrvideo::catalog {

void apply_embedding_event(const VideoStore& videos, std::size_t dimension, const nlohmann::json& payload) {
  const auto video_id = payload.find("videoId");
  const auto vector = payload.find("vector");
  if (video_id == payload.end() || !video_id->is_string() || vector == payload.end() || !vector->is_array() ||
      vector->size() != dimension) {
    throw std::invalid_argument("catalog: video.embedding.ingested needs a videoId string and a vector of " +
                                std::to_string(dimension) + " numbers");
  }
  const std::string id = video_id->get<std::string>();
  if (!videos.find(id)) throw std::invalid_argument("catalog: video.embedding.ingested for an unknown video " + id);
  const auto features = vector->get<std::vector<float>>();
  videos.update(id, plugin::data::TableUpdate().set("content_features", plugin::data::vector_to_json(features)));
}

}  // namespace killrvideo::catalog
