#pragma once
// Views per video per UTC day in the `video_views_by_day` collection: one document per (day, video),
// moved by atomic $inc on every counted view. Trending reads the documents of its window's days — one per
// video watched that day — so its cost follows how many videos were watched, not how many views there were.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "killrvideo/plugin/HostServices.h"
#include "killrvideo/plugin/data/Collection.h"

namespace killrvideo::catalog {

class DailyViews {
 public:
  explicit DailyViews(plugin::DataClient& data);

  void add_view(const std::string& day, const std::string& video_id) const;
  // Views per video summed over `days` ("YYYY-MM-DD", at most 100).
  std::map<std::string, std::int64_t> views_per_video(const std::vector<std::string>& days) const;

 private:
  plugin::data::Collection views_;
};

}  // namespace killrvideo::catalog
