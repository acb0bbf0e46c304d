#include "RecommendationJson.h"

#include "VideoJson.h"

namespace killrvideo::recommendations {

nlohmann::json recommendation_item(const Row& video, const catalog::VideoCounters& counters, std::optional<double> score) {
  // The catalog's summary spells every field the way the other video cards do.
  const nlohmann::json summary = catalog::video_summary(video, counters);
  return {{"videoId", summary["videoId"]},
          {"title", summary["title"]},
          {"thumbnailUrl", summary["thumbnailUrl"]},
          {"score", score ? nlohmann::json(*score) : nlohmann::json(nullptr)},
          {"views", summary["views"]},
          {"viewCount", summary["viewCount"]},
          {"averageRating", summary["averageRating"]},
          {"uploadDate", summary["submittedAt"]}};
}

}  // namespace killrvideo::recommendations
