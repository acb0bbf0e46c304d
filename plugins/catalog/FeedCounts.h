#pragma once
// How many videos each listing ("feed") holds, per month and per day, in the `feed_counts` collection:
//   {_id: "<feed>"}            {"months": {"2025-11": 310, …}}  — one small document per feed
//   {_id: "<feed>@<YYYY-MM>"}  {"days": {"04": 12, …}}          — one per feed and month
// Moved only by atomic $inc on every write path, so a listing knows its exact total from one point read
// and finds the day partition where a deep page starts without reading the videos before it.

#include <cstdint>
#include <map>
#include <string>

#include "killrvideo/plugin/HostServices.h"
#include "killrvideo/plugin/data/Collection.h"

namespace killrvideo::catalog {

// "YYYY-MM" → count, or "DD" → count; zero and negative counts are left out.
using BucketCounts = std::map<std::string, std::int64_t>;

class FeedCounts {
 public:
  explicit FeedCounts(plugin::DataClient& data);

  // `day` is "YYYY-MM-DD": its month's and its own count move together.
  void add(const std::string& feed, const std::string& day, std::int64_t delta) const;
  BucketCounts months(const std::string& feed) const;
  BucketCounts days(const std::string& feed, const std::string& month) const;

  // For the recount: every stored document, keyed by `_id` (feed documents hold "months", month
  // documents "days"), and overwriting one document's counts.
  struct Stored {
    std::map<std::string, BucketCounts> months_of_feed;
    std::map<std::string, BucketCounts> days_of_month_document;
  };
  Stored all() const;
  void overwrite_months(const std::string& feed, const BucketCounts& counts) const;
  void overwrite_days(const std::string& month_document_id, const BucketCounts& counts) const;

  static std::string month_document(const std::string& feed, const std::string& month);

 private:
  BucketCounts buckets(const std::string& document_id, const char* field) const;
  void overwrite(const std::string& document_id, const char* field, const BucketCounts& counts) const;

  plugin::data::Collection counts_;
};

}  // namespace killrvideo::catalog
