#include "DailyViews.h"

#include <cstdint>

#include "killrvideo/plugin/data/Filter.h"
#include "killrvideo/plugin/data/FindOptions.h"
#include "killrvideo/plugin/data/Projection.h"
#include "killrvideo/plugin/data/Update.h"
#include "killrvideo/plugin/data/UpdateOptions.h"

#include "CatalogTables.h"

namespace killrvideo::catalog {

using plugin::data::CollectionUpdate;
using plugin::data::Filter;

DailyViews::DailyViews(plugin::DataClient& data) : views_(data, kVideoViewsByDayCollection) {}

void DailyViews::add_view(const std::string& day, const std::string& video_id) const {
  views_.update_one(Filter().eq("_id", day + ":" + video_id),
                    CollectionUpdate().inc("views", 1).set_on_insert("day", day).set_on_insert("videoid", video_id),
                    plugin::data::UpdateOneOptions().upsert());
}

std::map<std::string, std::int64_t> DailyViews::views_per_video(const std::vector<std::string>& days) const {
  std::map<std::string, std::int64_t> views;
  if (days.empty()) return views;
  const std::vector<nlohmann::ordered_json> wanted(days.begin(), days.end());
  const auto documents = views_.find_all(
      Filter().in("day", wanted), SIZE_MAX,
      plugin::data::FindOptions().projection(plugin::data::Projection::include({"videoid", "views"})));
  for (const auto& document : documents.documents) {
    const auto count = document.find("views");
    if (count != document.end() && count->is_number_integer()) {
      views[document.at("videoid").get<std::string>()] += count->get<std::int64_t>();
    }
  }
  return views;
}

}  // namespace killrvideo::catalog
