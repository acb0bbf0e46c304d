#pragma once
// The moderator's queue: `flag_queue` holds each flag twice — in queue "all" and in the queue of its
// status — partitioned by (queue, UTC day of flagging), newest first, with its month and day counts in
// `flag_counts` (plugin::data::DayCounts) beside it. A
// status change moves the flag's row between status queues; its place in time does not change.
// A page reads the month and day counts, then only the day partitions the page lies in.

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "killrvideo/plugin/HostServices.h"
#include "killrvideo/plugin/data/DayCounts.h"
#include "killrvideo/plugin/data/Table.h"

#include "Flag.h"

namespace killrvideo::moderation {

inline constexpr const char* kAllFlagsQueue = "all";

// The page's flag ids, newest first, and the flags in the whole queue.
using QueuePage = plugin::data::CountedPage;

class FlagQueue {
 public:
  explicit FlagQueue(plugin::DataClient& data);

  void add(const Flag& flag) const;
  void move(const Flag& flag, const std::string& from_status, const std::string& to_status) const;
  QueuePage page(const std::string& queue, std::int64_t offset, int count) const;

  // For the recount (reads the whole table): makes the rows and the counts match `flags`, reporting
  // each change.
  void reconcile(const std::vector<Flag>& flags, const std::function<void(const std::string&)>& report) const;

 private:
  nlohmann::ordered_json row(const std::string& queue, const Flag& flag) const;
  std::vector<std::string> read_day(const std::string& queue, const std::string& day, std::int64_t skip, int take) const;

  plugin::data::Table rows_;
  plugin::data::DayCounts counts_;
};

}  // namespace killrvideo::moderation
