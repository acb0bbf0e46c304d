#pragma once
// #19 search videos (semantic and keyword) and #20 tag suggestions.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "killrvideo/plugin/Http.h"
#include "killrvideo/plugin/Registrar.h"

#include "SearchServices.h"

namespace killrvideo::search {

inline constexpr int kDefaultSuggestLimit = 10;
inline constexpr int kMaxSuggestLimit = 25;

class SearchRoutes {
 public:
  explicit SearchRoutes(SearchServices& services) : services_(services) {}

  void register_with(plugin::Registrar& registrar);

  plugin::Response search_videos(const plugin::Request& request) const;
  plugin::Response suggest_tags(const plugin::Request& request) const;

 private:
  // VideoSummary cards of these ids, in their order; a video no longer READY is left out.
  nlohmann::json summaries(const std::vector<std::string>& video_ids) const;

  SearchServices& services_;
};

}  // namespace killrvideo::search
