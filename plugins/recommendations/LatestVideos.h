#pragma once
// The fallback of both endpoints: the newest videos, read from the catalog's day-bucketed `latest_videos`
// by walking its partitions back from today, so a request reads the days it needs and no more.

#include <cstddef>
#include <set>
#include <string>
#include <vector>

#include "killrvideo/plugin/HostServices.h"
#include "killrvideo/plugin/data/Table.h"

#include "Recommendable.h"
#include "VideoStore.h"

namespace killrvideo::recommendations {

// The walk gives up after three years of days: older videos are no "latest" fallback.
inline constexpr int kLatestHorizonDays = 3 * 366;
// One `$in` on the partition key names at most 100 days (data-api-wire §1.9).
inline constexpr int kMaxDaysPerRead = 100;

class LatestVideos {
 public:
  LatestVideos(plugin::DataClient& data, plugin::Clock& clock, plugin::Logger& log);

  // Up to `wanted` (≤ 100) recommendable videos, newest first, none of them in `excluded`, as rows without
  // their vectors. Days are read in growing batches (today, then 7, 30 and 100 days at a time): a busy
  // site stops after today's partition, a quiet one reads further back, never beyond the horizon. A
  // video that is not recommendable is dropped after the walk, so the answer can be a little short.
  std::vector<Row> newest(std::size_t wanted, const std::set<std::string>& excluded) const;

 private:
  // The ids of the videos added on these days, newest first.
  std::vector<std::string> added_on(const std::vector<std::string>& days) const;

  plugin::data::Table latest_;
  catalog::VideoStore videos_;
  plugin::Clock& clock_;
  plugin::Logger& log_;
};

}  // namespace killrvideo::recommendations
