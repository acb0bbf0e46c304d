#include "ForYouRoutes.h"

#include <algorithm>

#include "killrvideo/plugin/Errors.h"
#include "killrvideo/plugin/Pagination.h"
#include "killrvideo/plugin/Responses.h"

#include "VideoJson.h"

namespace killrvideo::recommendations {

namespace {

struct RankedVideo {
  std::string video_id;
  double score;
};

}  // namespace

double tag_affinity(const std::map<std::string, double>& tag_weights, const Row& video) {
  double total = 0;
  for (const auto& [tag, weight] : tag_weights) total += std::max(weight, 0.0);
  const auto tags = video.find("tags");
  if (total == 0 || tags == video.end() || !tags->is_array()) return 0;
  double matched = 0;
  for (const auto& tag : *tags) {
    const auto weight = tag_weights.find(tag.get<std::string>());
    if (weight != tag_weights.end()) matched += std::max(weight->second, 0.0);
  }
  return matched / total;
}

void ForYouRoutes::register_with(plugin::Registrar& registrar) {
  registrar.route(plugin::Method::Get, "/api/v1/recommendations/foryou", plugin::Access::Viewer,
                  [this](const plugin::Request& request) { return for_you(request); });
}

std::vector<std::string> ForYouRoutes::personal_feed(const Preferences& preferences) const {
  std::vector<RankedVideo> ranked;
  for (const auto& scored : services_.similar.nearest(preferences.vector, kFeedLength, preferences.watched)) {
    const double score = (1 - kTagShare) * scored.similarity + kTagShare * tag_affinity(preferences.tag_weights, scored.video);
    ranked.push_back({scored.video.at("videoid").get<std::string>(), score});
  }
  // Stable: equal scores keep the index's order.
  std::stable_sort(ranked.begin(), ranked.end(), [](const RankedVideo& a, const RankedVideo& b) { return a.score > b.score; });
  std::vector<std::string> ids;
  for (const auto& video : ranked) ids.push_back(video.video_id);
  return ids;
}

std::vector<std::string> ForYouRoutes::latest_feed(const std::set<std::string>& watched) const {
  std::vector<std::string> ids;
  for (const Row& video : services_.latest.newest(kFeedLength, watched)) ids.push_back(video.at("videoid").get<std::string>());
  return ids;
}

std::vector<std::string> ForYouRoutes::feed(const std::string& user_id) const {
  const auto preferences = services_.preferences.find(user_id);
  if (preferences && preferences->has_direction()) return personal_feed(*preferences);
  return latest_feed(preferences ? preferences->watched : std::set<std::string>{});
}

nlohmann::json ForYouRoutes::summaries(const std::vector<std::string>& video_ids) const {
  const std::vector<Row> videos = services_.videos.find_many(video_ids);
  const auto counters = services_.stats.of_many(video_ids);
  nlohmann::json items = nlohmann::json::array();
  for (const Row& video : videos) {
    const auto found = counters.find(video.at("videoid").get<std::string>());
    items.push_back(catalog::video_summary(video, found != counters.end() ? found->second : catalog::VideoCounters{}));
  }
  return items;
}

plugin::Response ForYouRoutes::for_you(const plugin::Request& request) const {
  const plugin::PageRequest page = plugin::page_request(request);
  // The host's viewer gate lets no anonymous caller through; a principal is still checked, not assumed.
  if (request.principal() == nullptr) throw plugin::Unauthorized("Not authenticated");
  const std::vector<std::string> ids = feed(request.principal()->user_id);
  const auto total = static_cast<std::int64_t>(ids.size());
  const std::int64_t first = std::min(plugin::page_offset(page), total);
  const std::int64_t last = std::min(first + page.page_size, total);
  const std::vector<std::string> page_ids(ids.begin() + first, ids.begin() + last);
  return plugin::json_response(200, plugin::page_envelope(summaries(page_ids), page, total));
}

}  // namespace killrvideo::recommendations
