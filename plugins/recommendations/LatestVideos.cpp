#include "LatestVideos.h"

#include <algorithm>

#include "killrvideo/plugin/UtcTime.h"
#include "killrvideo/plugin/data/FindOptions.h"
#include "killrvideo/plugin/data/Projection.h"

#include "CatalogTables.h"

namespace killrvideo::recommendations {

namespace {

using plugin::data::Filter;
using plugin::data::FindOptions;
using plugin::data::Projection;

// A batch of days holds at most this many videos before the walk stops reading it (and says so).
inline constexpr std::size_t kMaxKeysPerRead = 10'000;

// How many days the walk's n-th read covers: 1, 7, 30, then 100 at a time.
int batch_days(int read_index) {
  static constexpr int kGrowingBatches[] = {1, 7, 30};
  return read_index < 3 ? kGrowingBatches[read_index] : kMaxDaysPerRead;
}

struct AddedVideo {
  std::string video_id;
  std::int64_t added_ms;  // backends differ in fraction digits, so text order is not time order
};

std::int64_t added_ms_of(const Row& row) {
  const auto date = row.find("added_date");
  if (date == row.end() || !date->is_string()) return 0;
  return plugin::parse_iso_timestamp(date->get<std::string>()).value_or(0);
}

}  // namespace

LatestVideos::LatestVideos(plugin::DataClient& data, plugin::Clock& clock, plugin::Logger& log)
    : latest_(data, catalog::kLatestVideosTable), videos_(data), clock_(clock), log_(log) {}

std::vector<std::string> LatestVideos::added_on(const std::vector<std::string>& days) const {
  std::vector<Row> day_values(days.begin(), days.end());
  const auto found = latest_.find_all(Filter().in("day", day_values), kMaxKeysPerRead,
                                      FindOptions().projection(Projection::include({"videoid", "added_date"})));
  if (found.truncated) log_.warn("recommendations: a latest-videos read stopped after " + std::to_string(kMaxKeysPerRead) + " rows");
  std::vector<AddedVideo> added;
  for (const Row& row : found.documents) {
    added.push_back({row.at("videoid").get<std::string>(), added_ms_of(row)});
  }
  std::sort(added.begin(), added.end(), [](const AddedVideo& a, const AddedVideo& b) {
    return a.added_ms != b.added_ms ? a.added_ms > b.added_ms : a.video_id < b.video_id;
  });
  std::vector<std::string> ids;
  for (const auto& video : added) ids.push_back(video.video_id);
  return ids;
}

std::vector<Row> LatestVideos::newest(std::size_t wanted, const std::set<std::string>& excluded) const {
  std::vector<std::string> ids;
  const std::int64_t today_ms = clock_.now_ms();
  int days_back = 0;
  for (int read = 0; ids.size() < wanted && days_back < kLatestHorizonDays; ++read) {
    std::vector<std::string> days;
    for (int i = 0; i < batch_days(read) && days_back < kLatestHorizonDays; ++i, ++days_back) {
      days.push_back(plugin::utc_day(today_ms - days_back * plugin::kMillisecondsPerDay));
    }
    for (const std::string& id : added_on(days)) {
      if (ids.size() < wanted && excluded.count(id) == 0) ids.push_back(id);
    }
  }
  std::vector<Row> rows = videos_.find_many(ids);
  rows.erase(std::remove_if(rows.begin(), rows.end(), [](const Row& row) { return !is_recommendable(row); }), rows.end());
  return rows;
}

}  // namespace killrvideo::recommendations
