#pragma once
// RecommendationItem (api-contract §2) with the extras the related-videos cards read (§7.4): views,
// averageRating and uploadDate.

#include <optional>

#include <nlohmann/json.hpp>

#include "Recommendable.h"
#include "VideoStats.h"

namespace killrvideo::recommendations {

// {videoId, title, thumbnailUrl, score, views, viewCount, averageRating, uploadDate}; `score` is null
// when the item is no similarity answer (the latest-videos fallback).
nlohmann::json recommendation_item(const Row& video, const catalog::VideoCounters& counters, std::optional<double> score);

}  // namespace killrvideo::recommendations
