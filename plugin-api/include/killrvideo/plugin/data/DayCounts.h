#pragma once
// Counts per key ("latest", "tag:cassandra", a queue name, …) per UTC month and day, in one collection the
// plugin owns, moved only by atomic $inc — the way a listing partitioned by (key, day) knows its exact
// total from one point read and finds where a deep page starts without reading the rows before it:
//   {_id: "<key>"}            {"months": {"2025-11": 310, …}}
//   {_id: "<key>@<YYYY-MM>"}  {"days": {"04": 12, …}}
//
//   data::DayCounts counts(host.data(), "feed_counts");
//   counts.add("latest", "2025-11-04", 1);
//   auto page = counts.page("latest", 20, 10, [&](const std::string& day, std::int64_t skip, int take) {
//     return ids of rows [skip, skip + take) of the day partition, newest first; });

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "killrvideo/plugin/HostServices.h"
#include "killrvideo/plugin/data/Collection.h"

namespace killrvideo::plugin::data {

// "YYYY-MM" → count, or "DD" → count; zero and negative counts are left out.
using BucketCounts = std::map<std::string, std::int64_t>;

struct CountedPage {
  std::vector<std::string> ids;  // newest first
  std::int64_t total = 0;        // rows of the whole key
};

class DayCounts {
 public:
  // `client` outlives the counts (HostServices::data() does).
  DayCounts(DataClient& client, std::string collection);

  // `day` is "YYYY-MM-DD": its month's and its own count move together.
  void add(const std::string& key, const std::string& day, std::int64_t delta) const;
  // Many moves at once (key → "YYYY-MM-DD" → delta), as a bulk import gathers them: one $inc per key for
  // its months and one per key and month for its days, however many rows moved them.
  void add_all(const std::map<std::string, std::map<std::string, std::int64_t>>& deltas) const;
  BucketCounts months(const std::string& key) const;
  BucketCounts days(const std::string& key, const std::string& month) const;

  // Ids of rows [offset, offset + count) of `key`, newest first: whole months, then whole days, are
  // skipped by their counts; `read_day(day, skip, take)` is asked only for the days the page lies in.
  using ReadDay = std::function<std::vector<std::string>(const std::string& day, std::int64_t skip, int take)>;
  CountedPage page(const std::string& key, std::int64_t offset, int count, const ReadDay& read_day) const;
  // The rows of several whole days read at once — `days` ("YYYY-MM-DD") and the rows they hold together by
  // the counts — as each day's ids newest first.
  using ReadDays = std::function<std::map<std::string, std::vector<std::string>>(const std::vector<std::string>& days,
                                                                                 std::int64_t rows)>;
  // As above, but a page spanning several days that hold together at most a page of rows more than the
  // day-by-day reads would bring back is read in one `read_days`: a sparse key (an uploader's video or two
  // a day) costs one read a page instead of one a day.
  CountedPage page(const std::string& key, std::int64_t offset, int count, const ReadDay& read_day,
                   const ReadDays& read_days) const;

  // For a recount (reads the whole collection): makes every stored document equal what `rows_per_day`
  // (key → "YYYY-MM-DD" → rows) calls for — a document no key calls for is emptied — and tells
  // `changed(document id, was, is)` about each one it overwrote: month documents first, then day
  // documents, each in id order.
  using Changed = std::function<void(const std::string& document_id, const BucketCounts& was, const BucketCounts& is)>;
  void reconcile(const std::map<std::string, std::map<std::string, std::int64_t>>& rows_per_day,
                 const Changed& changed) const;

 private:
  struct DaySlice {
    std::string day;        // "YYYY-MM-DD"
    std::int64_t skip;      // rows of the day before the page
    int take;               // the page's rows in the day
    std::int64_t day_rows;  // all of the day's rows
  };
  std::vector<DaySlice> page_slices(const std::string& key, const BucketCounts& all_months, std::int64_t offset,
                                    int count) const;
  static bool worth_one_read(const std::vector<DaySlice>& slices, int count);
  BucketCounts buckets(const std::string& document_id, const char* field) const;
  void reconcile_field(const char* field, const std::map<std::string, BucketCounts>& stored,
                       const std::map<std::string, BucketCounts>& expected, const Changed& changed) const;

  Collection counts_;
};

}  // namespace killrvideo::plugin::data
