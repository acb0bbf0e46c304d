#include "ActivityStore.h"

#include "killrvideo/plugin/data/Filter.h"
#include "killrvideo/plugin/data/FindOptions.h"

#include "AccountsTables.h"
#include "Timestamps.h"

namespace killrvideo::accounts {

using plugin::data::Filter;
using plugin::data::FindOptions;

ActivityStore::ActivityStore(plugin::DataClient& data) : activity_(data, kUserActivityTable) {}

void ActivityStore::record(const ActivityRecord& activity) const {
  activity_.insert_one({{"userid", activity.user_id},
                        {"day", utc_day(activity.timestamp_ms)},
                        {"activity_type", activity.activity_type},
                        {"activity_timestamp", iso_timestamp(activity.timestamp_ms)},
                        {"activity_id", activity.activity_id},
                        {"videoid", activity.video_id}});
}

std::vector<nlohmann::ordered_json> ActivityStore::day(const std::string& user_id, const std::string& day,
                                                       const std::optional<std::string>& activity_type,
                                                       std::size_t limit) const {
  Filter partition = Filter().eq("userid", user_id).eq("day", day);
  // The first clustering column: a type filter is a contiguous slice of the partition.
  if (activity_type) partition.eq("activity_type", *activity_type);
  return activity_.find_all(partition, limit, FindOptions().limit(static_cast<int>(limit))).documents;
}

}  // namespace killrvideo::accounts
