#pragma once
// How many flags each queue ("all" or a status) holds, per month and per day, in `flag_counts`:
//   {_id: "<queue>"}            {"months": {"2026-11": 31, …}}
//   {_id: "<queue>@<YYYY-MM>"}  {"days": {"04": 12, …}}
// Moved only by $inc, so a page knows the exact total from one point read and skips whole months and
// days without reading their flags (the same shape as the catalog's feed counts).

#include <cstdint>
#include <functional>
#include <map>
#include <string>

#include "killrvideo/plugin/HostServices.h"
#include "killrvideo/plugin/data/Collection.h"

namespace killrvideo::moderation {

// "YYYY-MM" → count, or "DD" → count; zero and negative counts are left out.
using BucketCounts = std::map<std::string, std::int64_t>;

class QueueCounts {
 public:
  explicit QueueCounts(plugin::DataClient& data);

  // `day` is "YYYY-MM-DD": its month's and its own count move together.
  void add(const std::string& queue, const std::string& day, std::int64_t delta) const;
  BucketCounts months(const std::string& queue) const;
  BucketCounts days(const std::string& queue, const std::string& month) const;

  // For the recount: makes the stored counts of every queue equal `flags_per_day` (queue → day → count),
  // reporting each document it changed.
  void overwrite_all(const std::map<std::string, std::map<std::string, std::int64_t>>& flags_per_day,
                     const std::function<void(const std::string&)>& report) const;

 private:
  BucketCounts buckets(const std::string& document_id, const char* field) const;
  void overwrite_if_different(const std::string& document_id, const char* field, const BucketCounts& expected,
                              const std::function<void(const std::string&)>& report) const;

  plugin::data::Collection counts_;
};

}  // namespace killrvideo::moderation
