#include "VideoFeeds.h"

#include <algorithm>
#include <cstdint>
#include <stdexcept>

#include "killrvideo/plugin/data/FindOptions.h"
#include "killrvideo/plugin/data/Projection.h"

#include "CatalogTables.h"
#include "UtcTime.h"
#include "VideoJson.h"

namespace killrvideo::catalog {

using plugin::data::Filter;
using plugin::data::FindOptions;
using plugin::data::Projection;

namespace {

constexpr const char* kLatestFeed = "latest";

// Columns latest_videos copies from the video, so the row alone could draw a card.
constexpr const char* kLatestCopies[] = {"name", "preview_image_location", "userid", "content_rating", "category"};

std::string text(const Row& video, const char* column) {
  const auto value = video.find(column);
  return value != video.end() && value->is_string() ? value->get<std::string>() : "";
}

std::string day_of(const Row& video) { return utc_day(parse_iso_timestamp(text(video, "added_date"))); }

std::vector<std::string> tags_of(const Row& video) {
  const auto tags = video.find("tags");
  return tags != video.end() && tags->is_array() ? tags->get<std::vector<std::string>>() : std::vector<std::string>{};
}

// Each tag once: a set column cannot hold duplicates, a request body can.
std::vector<std::string> distinct(std::vector<std::string> tags) {
  std::sort(tags.begin(), tags.end());
  tags.erase(std::unique(tags.begin(), tags.end()), tags.end());
  return tags;
}

}  // namespace

VideoFeeds::VideoFeeds(plugin::DataClient& data)
    : latest_(data, kLatestVideosTable),
      by_tag_(data, kVideosByTagTable),
      by_uploader_(data, kVideosByUploaderTable),
      counts_(data, kFeedCountsCollection) {}

void VideoFeeds::add(const Row& video) const {
  for (const auto& feed : feeds_of(video)) {
    insert(feed, video);
    counts_.add(feed.id, day_of(video), 1);
  }
}

void VideoFeeds::remove(const Row& video) const {
  for (const auto& feed : feeds_of(video)) {
    erase(feed, video);
    counts_.add(feed.id, day_of(video), -1);
  }
}

void VideoFeeds::apply_all(const std::vector<Row>& removed, const std::vector<Row>& added) const {
  std::map<std::string, std::map<std::string, std::int64_t>> deltas;
  for (const auto& video : removed) {
    for (const auto& feed : feeds_of(video)) {
      erase(feed, video);
      --deltas[feed.id][day_of(video)];
    }
  }
  std::map<const plugin::data::Table*, std::vector<Row>> rows_of_table;
  for (const auto& video : added) {
    for (const auto& feed : feeds_of(video)) {
      rows_of_table[feed.table].push_back(row_for(feed, video));
      ++deltas[feed.id][day_of(video)];
    }
  }
  for (const auto& [table, rows] : rows_of_table) {
    const auto result = table->insert_many(rows);
    if (!result.errors.empty()) {
      throw std::runtime_error(table->name() + " refused " + std::to_string(result.errors.size()) +
                               " listing rows: " + result.errors.front().message);
    }
  }
  counts_.add_all(deltas);
}

void VideoFeeds::retag(const Row& video, const std::vector<std::string>& new_tags) const {
  const auto before = distinct(tags_of(video));
  const auto after = distinct(new_tags);
  for (const auto& tag : before) {
    if (std::binary_search(after.begin(), after.end(), tag)) continue;
    erase(tag_feed(tag), video);
    counts_.add(tag_feed(tag).id, day_of(video), -1);
  }
  for (const auto& tag : after) {
    if (std::binary_search(before.begin(), before.end(), tag)) continue;
    insert(tag_feed(tag), video);
    counts_.add(tag_feed(tag).id, day_of(video), 1);
  }
}

FeedPage VideoFeeds::latest(std::int64_t offset, int count) const { return page(latest_feed(), offset, count); }

FeedPage VideoFeeds::with_tag(const std::string& tag, std::int64_t offset, int count) const {
  return page(tag_feed(tag), offset, count);
}

FeedPage VideoFeeds::of_uploader(const std::string& user_id, std::int64_t offset, int count) const {
  return page(uploader_feed(user_id), offset, count);
}

std::map<std::string, std::map<std::string, std::int64_t>> VideoFeeds::count_rows() const {
  std::map<std::string, std::map<std::string, std::int64_t>> days_of_feed;
  const auto count_table = [&](const plugin::data::Table& table, const std::string& key_column, const std::string& prefix) {
    std::vector<std::string> columns = {"day"};
    if (!key_column.empty()) columns.push_back(key_column);
    for (const auto& row : table.find_all(Filter(), SIZE_MAX, FindOptions().projection(Projection::include(columns))).documents) {
      const std::string feed = key_column.empty() ? prefix : prefix + row.at(key_column).get<std::string>();
      ++days_of_feed[feed][row.at("day").get<std::string>()];
    }
  };
  count_table(latest_, "", kLatestFeed);
  count_table(by_tag_, "tag", "tag:");
  count_table(by_uploader_, "userid", "uploader:");
  return days_of_feed;
}

VideoFeeds::Feed VideoFeeds::latest_feed() const { return {kLatestFeed, &latest_, "", ""}; }
VideoFeeds::Feed VideoFeeds::tag_feed(const std::string& tag) const { return {"tag:" + tag, &by_tag_, "tag", tag}; }
VideoFeeds::Feed VideoFeeds::uploader_feed(const std::string& user_id) const {
  return {"uploader:" + user_id, &by_uploader_, "userid", user_id};
}

std::vector<VideoFeeds::Feed> VideoFeeds::feeds_of(const Row& video) const {
  std::vector<Feed> feeds = {latest_feed(), uploader_feed(text(video, "userid"))};
  for (const auto& tag : distinct(tags_of(video))) feeds.push_back(tag_feed(tag));
  return feeds;
}

Row VideoFeeds::row_for(const Feed& feed, const Row& video) const {
  Row row = {{"day", day_of(video)}, {"added_date", video.at("added_date")}, {"videoid", video.at("videoid")}};
  if (!feed.key_column.empty()) row[feed.key_column] = feed.key;
  if (feed.table == &latest_) {
    for (const char* column : kLatestCopies) {
      if (video.contains(column) && !video.at(column).is_null()) row[column] = video.at(column);
    }
  }
  return row;
}

void VideoFeeds::insert(const Feed& feed, const Row& video) const { feed.table->insert_one(row_for(feed, video)); }

void VideoFeeds::reconcile(const std::vector<Row>& videos, const std::function<void(const std::string&)>& report) const {
  std::vector<Row> latest, by_tag, by_uploader;
  for (const auto& video : videos) {
    if (text(video, "status") == kStatusRemoved) continue;  // moderation took it out of every listing
    for (const auto& feed : feeds_of(video)) {
      auto& rows = feed.table == &latest_ ? latest : feed.table == &by_tag_ ? by_tag : by_uploader;
      rows.push_back(row_for(feed, video));
    }
  }
  reconcile_table(latest_, "", latest, report);
  reconcile_table(by_tag_, "tag", by_tag, report);
  reconcile_table(by_uploader_, "userid", by_uploader, report);
}

void VideoFeeds::reconcile_table(const plugin::data::Table& table, const std::string& key_column,
                                 const std::vector<Row>& expected, const std::function<void(const std::string&)>& report) const {
  const auto primary_key = [&](const Row& row) {
    return (key_column.empty() ? "" : row.at(key_column).get<std::string>() + "|") + row.at("day").get<std::string>() +
           "|" + row.at("added_date").get<std::string>() + "|" + row.at("videoid").get<std::string>();
  };
  std::map<std::string, const Row*> wanted;
  for (const auto& row : expected) wanted[primary_key(row)] = &row;
  std::vector<std::string> columns = {"day", "added_date", "videoid"};
  if (!key_column.empty()) columns.push_back(key_column);
  std::size_t deleted = 0;
  for (const auto& row : table.find_all(Filter(), SIZE_MAX, FindOptions().projection(Projection::include(columns))).documents) {
    if (wanted.erase(primary_key(row)) != 0) continue;
    Filter key = key_column.empty() ? Filter() : Filter().eq(key_column, row.at(key_column));
    table.delete_one(key.eq("day", row.at("day")).eq("added_date", row.at("added_date")).eq("videoid", row.at("videoid")));
    ++deleted;
  }
  for (const auto& [key, row] : wanted) table.insert_one(*row);
  if (deleted != 0 || !wanted.empty()) {
    report(table.name() + ": " + std::to_string(wanted.size()) + " rows written, " + std::to_string(deleted) + " deleted");
  }
}

void VideoFeeds::erase(const Feed& feed, const Row& video) const {
  feed.table->delete_one(
      partition(feed, day_of(video)).eq("added_date", video.at("added_date")).eq("videoid", video.at("videoid")));
}

FeedPage VideoFeeds::page(const Feed& feed, std::int64_t offset, int count) const {
  return counts_.page(
      feed.id, offset, count,
      [&](const std::string& day, std::int64_t skip, int take) { return read_day(feed, day, skip, take); },
      [&](const std::vector<std::string>& days, std::int64_t rows) { return read_days(feed, days, rows); });
}

std::vector<std::string> VideoFeeds::read_day(const Feed& feed, const std::string& day, std::int64_t skip, int take) const {
  const auto wanted = static_cast<std::size_t>(skip) + static_cast<std::size_t>(take);
  // One partition in clustering order (newest first); `limit` stops the server after the page's last row.
  const auto rows = feed.table->find_all(
      partition(feed, day), wanted,
      FindOptions().projection(Projection::include({"videoid"})).limit(static_cast<int>(wanted)));
  std::vector<std::string> ids;
  for (std::size_t i = static_cast<std::size_t>(skip); i < rows.documents.size(); ++i) {
    ids.push_back(rows.documents[i].at("videoid").get<std::string>());
  }
  return ids;
}

std::map<std::string, std::vector<std::string>> VideoFeeds::read_days(const Feed& feed, const std::vector<std::string>& days,
                                                                      std::int64_t rows) const {
  Filter filter = feed_key(feed);
  filter.in("day", std::vector<nlohmann::ordered_json>(days.begin(), days.end()));
  // Several partitions come back in no order the API promises, so each row brings its clustering columns
  // and the days are put in their clustering order here. More rows than the counts say (a count behind
  // its rows until a recount) are read up to twice over, never without bound.
  const auto found = feed.table->find_all(
      filter, static_cast<std::size_t>(2 * rows),
      FindOptions().projection(Projection::include({"day", "added_date", "videoid"})));
  struct Listed {
    std::int64_t added_ms;
    std::string videoid, day;
  };
  std::vector<Listed> listed;
  for (const auto& row : found.documents)
    listed.push_back({parse_iso_timestamp(text(row, "added_date")), text(row, "videoid"), text(row, "day")});
  std::sort(listed.begin(), listed.end(), [](const Listed& a, const Listed& b) {
    return a.added_ms != b.added_ms ? a.added_ms > b.added_ms : a.videoid < b.videoid;
  });
  std::map<std::string, std::vector<std::string>> ids_of_day;
  for (auto& row : listed) ids_of_day[row.day].push_back(std::move(row.videoid));
  return ids_of_day;
}

Filter VideoFeeds::feed_key(const Feed& feed) const {
  Filter filter;
  if (!feed.key_column.empty()) filter.eq(feed.key_column, feed.key);
  return filter;
}

Filter VideoFeeds::partition(const Feed& feed, const std::string& day) const { return feed_key(feed).eq("day", day); }

}  // namespace killrvideo::catalog
