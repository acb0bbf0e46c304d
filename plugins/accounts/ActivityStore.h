#pragma once
// `user_activity`: one partition per (user, UTC day), rows clustered by type, then newest first.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "killrvideo/plugin/HostServices.h"
#include "killrvideo/plugin/data/Table.h"

namespace killrvideo::accounts {

struct ActivityRecord {
  std::string user_id;
  std::string activity_type;  // view | comment | rate
  std::string activity_id;
  std::int64_t timestamp_ms = 0;
  std::string video_id;
};

class ActivityStore {
 public:
  explicit ActivityStore(plugin::DataClient& data);

  // The row goes to the partition of the activity's own UTC day.
  void record(const ActivityRecord& activity) const;
  // Up to `limit` rows of one partition, in clustering order; of one type only when `activity_type` is set.
  std::vector<nlohmann::ordered_json> day(const std::string& user_id, const std::string& day,
                                          const std::optional<std::string>& activity_type, std::size_t limit) const;

 private:
  plugin::data::Table activity_;
};

}  // namespace killrvideo::accounts
