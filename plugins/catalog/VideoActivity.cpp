#include "VideoActivity.h"

#include <nlohmann/json.hpp>

#include "killrvideo/plugin/data/Filter.h"
#include "killrvideo/plugin/data/FindOptions.h"
#include "killrvideo/plugin/data/Projection.h"

#include "CatalogTables.h"

namespace killrvideo::catalog {

using plugin::data::Filter;
using plugin::data::FindOptions;
using plugin::data::Projection;

VideoActivity::VideoActivity(plugin::DataClient& data) : activity_(data, kVideoActivityTable) {}

void VideoActivity::record_view(const std::string& day, const std::string& watch_time,
                                const std::string& video_id) const {
  activity_.insert_one({{"day", day}, {"watch_time", watch_time}, {"videoid", video_id}});
}

std::map<std::string, std::int64_t> VideoActivity::views_per_video(const std::vector<std::string>& days) const {
  std::map<std::string, std::int64_t> views;
  for (const auto& day : days) {
    const auto rows = activity_.find_all(Filter().eq("day", day), kMaxViewsReadPerDay,
                                         FindOptions().projection(Projection::include({"videoid"})));
    for (const auto& row : rows.documents) ++views[row.at("videoid").get<std::string>()];
  }
  return views;
}

}  // namespace killrvideo::catalog
