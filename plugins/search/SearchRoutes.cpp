#include "SearchRoutes.h"

#include <algorithm>

#include "killrvideo/plugin/Pagination.h"
#include "killrvideo/plugin/Responses.h"
#include "killrvideo/plugin/Validation.h"

#include "SearchQuery.h"
#include "VideoJson.h"

namespace killrvideo::search {

using catalog::Row;

void SearchRoutes::register_with(plugin::Registrar& registrar) {
  registrar.route(plugin::Method::Get, "/api/v1/search/videos", plugin::Access::Public,
                  [this](const plugin::Request& request) { return search_videos(request); });
  registrar.route(plugin::Method::Get, "/api/v1/search/tags/suggest", plugin::Access::Public,
                  [this](const plugin::Request& request) { return suggest_tags(request); });
}

nlohmann::json SearchRoutes::summaries(const std::vector<std::string>& video_ids) const {
  const auto counters = services_.stats.of_many(video_ids);
  nlohmann::json items = nlohmann::json::array();
  for (const Row& video : services_.videos.find_many(video_ids)) {
    if (catalog::status_of(video) != catalog::kStatusReady) continue;
    const auto found = counters.find(video.at("videoid").get<std::string>());
    items.push_back(catalog::video_summary(video, found != counters.end() ? found->second : catalog::VideoCounters{}));
  }
  return items;
}

plugin::Response SearchRoutes::search_videos(const plugin::Request& request) const {
  const SearchQuery query = read_search_query(request);
  const std::vector<std::string> hits = query.mode == SearchMode::Semantic ? services_.semantic.hits(query.text)
                                                                           : services_.keyword.hits(query.text);
  const auto total = static_cast<std::int64_t>(hits.size());
  const std::int64_t first = std::min(plugin::page_offset(query.page), total);
  const std::int64_t last = std::min(first + query.page.page_size, total);
  const std::vector<std::string> page_ids(hits.begin() + first, hits.begin() + last);
  return plugin::json_response(200, plugin::page_envelope(summaries(page_ids), query.page, total));
}

plugin::Response SearchRoutes::suggest_tags(const plugin::Request& request) const {
  const std::string query = plugin::required_query_string(request, "query");
  const int limit = plugin::query_int(request, "limit", kDefaultSuggestLimit, 1, kMaxSuggestLimit);
  nlohmann::json suggestions = nlohmann::json::array();
  for (const std::string& tag : services_.tags.suggest(query, static_cast<std::size_t>(limit))) {
    suggestions.push_back({{"tag", tag}});
  }
  return plugin::json_response(200, suggestions);
}

}  // namespace killrvideo::search
