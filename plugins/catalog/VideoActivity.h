#pragma once
// The `video_activity` table: one row per view in the partition of its UTC day, read back per day to
// rank what was watched (api-contract §5.5).

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "killrvideo/plugin/HostServices.h"
#include "killrvideo/plugin/data/Table.h"

namespace killrvideo::catalog {

// A day partition is read up to this many rows; a busier day is counted from its newest views.
inline constexpr std::size_t kMaxViewsReadPerDay = 200'000;

class VideoActivity {
 public:
  explicit VideoActivity(plugin::DataClient& data);

  void record_view(const std::string& day, const std::string& watch_time, const std::string& video_id) const;
  // Views per video over the partitions of `days`.
  std::map<std::string, std::int64_t> views_per_video(const std::vector<std::string>& days) const;

 private:
  plugin::data::Table activity_;
};

}  // namespace killrvideo::catalog
