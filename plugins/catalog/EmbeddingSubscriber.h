#pragma once
// Stores a video's embedding from the `video.embedding.ingested` events the recommendations plugin
// publishes for POST /reco/ingest: {videoId, vector}. The catalog owns `videos`, so it alone writes
// `content_features`; the publisher has checked the video and the vector and reads the row back.

#include <cstddef>

#include <nlohmann/json.hpp>

#include "VideoStore.h"

namespace killrvideo::catalog {

inline constexpr const char* kEmbeddingIngestedTopic = "video.embedding.ingested";

// Throws std::invalid_argument for a payload without a videoId string or a vector of `dimension` numbers,
// or for a video that does not exist (a table update would otherwise create a row holding only a vector);
// the bus logs it.
void apply_embedding_event(const VideoStore& videos, std::size_t dimension, const nlohmann::json& payload);

}  // namespace killrvideo::catalog
