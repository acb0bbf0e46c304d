#pragma once
// The catalog's three listings ("feeds"), each a query-shaped table partitioned by what it lists by and
// the UTC day of upload, clustered newest first:
//   latest_videos       (day)          — every video
//   videos_by_tag       (tag, day)     — one row per tag of a video
//   videos_by_uploader  (userid, day)  — the videos of one uploader
// Partitions stay bounded (one day each) and `feed_counts` (plugin::data::DayCounts) holds each feed's
// count per month and day. A page
// reads the feed's month counts, the day counts of the month where the page starts, then the day
// partitions from there — the rows of the page and the rows before it in its first day, never every video.

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "killrvideo/plugin/HostServices.h"
#include "killrvideo/plugin/data/DayCounts.h"
#include "killrvideo/plugin/data/Filter.h"
#include "killrvideo/plugin/data/Table.h"

namespace killrvideo::catalog {

using Row = nlohmann::ordered_json;

// The page's video ids, newest first, and the videos in the whole feed.
using FeedPage = plugin::data::CountedPage;

class VideoFeeds {
 public:
  explicit VideoFeeds(plugin::DataClient& data);

  // `video` is a `videos` row (videoid, userid, added_date, tags, and the columns latest_videos copies).
  // Adds it to every feed it belongs in and counts it there.
  void add(const Row& video) const;
  void remove(const Row& video) const;
  // A bulk import's listing changes at once: `removed` videos leave their feeds first, then `added`
  // videos' rows are inserted many per command and every count moves by one $inc per feed and month.
  void apply_all(const std::vector<Row>& removed, const std::vector<Row>& added) const;
  // Moves the video between tag feeds: only the tags that changed are written.
  void retag(const Row& video, const std::vector<std::string>& new_tags) const;

  FeedPage latest(std::int64_t offset, int count) const;
  FeedPage with_tag(const std::string& tag, std::int64_t offset, int count) const;
  FeedPage of_uploader(const std::string& user_id, std::int64_t offset, int count) const;

  // For the recount (each reads whole tables). Makes the three listing tables hold exactly the rows
  // `videos` calls for — writing missing rows, deleting stray ones — and reports each table it changed.
  void reconcile(const std::vector<Row>& videos, const std::function<void(const std::string&)>& report) const;
  // Every feed's count per day ("YYYY-MM-DD"), counted from the rows of the three tables.
  std::map<std::string, std::map<std::string, std::int64_t>> count_rows() const;
  const plugin::data::DayCounts& counts() const noexcept { return counts_; }

 private:
  struct Feed {
    std::string id;          // "latest", "tag:<tag>", "uploader:<userid>"
    const plugin::data::Table* table;
    std::string key_column;  // empty for latest
    std::string key;
  };
  Feed latest_feed() const;
  Feed tag_feed(const std::string& tag) const;
  Feed uploader_feed(const std::string& user_id) const;
  std::vector<Feed> feeds_of(const Row& video) const;

  Row row_for(const Feed& feed, const Row& video) const;
  void insert(const Feed& feed, const Row& video) const;
  void reconcile_table(const plugin::data::Table& table, const std::string& key_column, const std::vector<Row>& expected,
                       const std::function<void(const std::string&)>& report) const;
  void erase(const Feed& feed, const Row& video) const;
  FeedPage page(const Feed& feed, std::int64_t offset, int count) const;
  std::vector<std::string> read_day(const Feed& feed, const std::string& day, std::int64_t skip, int take) const;
  std::map<std::string, std::vector<std::string>> read_days(const Feed& feed, const std::vector<std::string>& days,
                                                            std::int64_t rows) const;
  // The feed's own key (none for latest), then with one day: a partition.
  plugin::data::Filter feed_key(const Feed& feed) const;
  plugin::data::Filter partition(const Feed& feed, const std::string& day) const;

  plugin::data::Table latest_;
  plugin::data::Table by_tag_;
  plugin::data::Table by_uploader_;
  plugin::data::DayCounts counts_;
};

}  // namespace killrvideo::catalog
