#include "RelatedRoutes.h"

#include <string>

#include "killrvideo/plugin/Responses.h"
#include "killrvideo/plugin/Validation.h"
#include "killrvideo/plugin/data/Vectors.h"

#include "RecommendationJson.h"

namespace killrvideo::recommendations {

void RelatedRoutes::register_with(plugin::Registrar& registrar) {
  registrar.route(plugin::Method::Get, "/api/v1/videos/id/{videoId:uuid}/related", plugin::Access::Public,
                  [this](const plugin::Request& request) { return related(request); });
}

nlohmann::json RelatedRoutes::items(const std::vector<Row>& videos, const std::vector<std::optional<double>>& scores) const {
  std::vector<std::string> ids;
  for (const Row& video : videos) ids.push_back(video.at("videoid").get<std::string>());
  const auto counters = services_.stats.of_many(ids);
  nlohmann::json items = nlohmann::json::array();
  for (std::size_t i = 0; i < videos.size(); ++i) {
    const auto found = counters.find(ids[i]);
    items.push_back(recommendation_item(videos[i], found != counters.end() ? found->second : catalog::VideoCounters{}, scores[i]));
  }
  return items;
}

plugin::Response RelatedRoutes::related(const plugin::Request& request) const {
  const int limit = plugin::query_int(request, "limit", kDefaultRelatedLimit, 1, kMaxRelatedLimit);
  const std::string source_id(request.path_param("videoId").value_or(""));
  const auto source = services_.videos.find(source_id);
  if (!source) return plugin::json_response(200, nlohmann::json::array());

  const std::set<std::string> excluded = {source_id};
  const auto features = source->find("content_features");
  std::vector<Row> videos;
  std::vector<std::optional<double>> scores;
  if (features != source->end() && features->is_array()) {
    for (auto& scored : services_.similar.nearest(plugin::data::vector_from_json(*features), limit, excluded)) {
      videos.push_back(std::move(scored.video));
      scores.emplace_back(scored.similarity);
    }
  } else {
    videos = services_.latest.newest(static_cast<std::size_t>(limit), excluded);
    scores.assign(videos.size(), std::nullopt);
  }
  return plugin::json_response(200, items(videos, scores));
}

}  // namespace killrvideo::recommendations
