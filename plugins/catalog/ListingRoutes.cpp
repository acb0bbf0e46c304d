#include "ListingRoutes.h"

#include <algorithm>

#include "killrvideo/plugin/Errors.h"
#include "killrvideo/plugin/Pagination.h"
#include "killrvideo/plugin/Responses.h"

#include "UtcTime.h"
#include "VideoJson.h"

namespace killrvideo::catalog {

namespace {

inline constexpr int kDefaultTrendingLimit = 10;
inline constexpr int kMaxTrendingLimit = 10;
inline constexpr int kMaxIntervalDays = 30;

// Today (UTC) and the `count - 1` days before it, newest first.
std::vector<std::string> window_days(std::int64_t now_ms, int count) {
  std::vector<std::string> days;
  for (int back = 0; back < count; ++back) days.push_back(utc_day(now_ms - back * kMillisPerDay));
  return days;
}

struct RankedVideo {
  std::string video_id;
  std::int64_t views;
};

// Most viewed first; equal counts by id, so the order does not depend on storage order.
std::vector<RankedVideo> top_viewed(const std::map<std::string, std::int64_t>& views, std::size_t limit) {
  std::vector<RankedVideo> ranked;
  for (const auto& [video_id, count] : views) ranked.push_back({video_id, count});
  std::sort(ranked.begin(), ranked.end(), [](const RankedVideo& a, const RankedVideo& b) {
    return a.views != b.views ? a.views > b.views : a.video_id < b.video_id;
  });
  if (ranked.size() > limit) ranked.resize(limit);
  return ranked;
}

}  // namespace

void ListingRoutes::register_with(plugin::Registrar& registrar) {
  using plugin::Access;
  using plugin::Method;
  registrar.route(Method::Get, "/api/v1/videos/latest", Access::Public,
                  [this](const plugin::Request& request) { return latest(request); });
  registrar.route(Method::Get, "/api/v1/videos/by-tag/{tag}", Access::Public,
                  [this](const plugin::Request& request) { return by_tag(request); });
  registrar.route(Method::Get, "/api/v1/videos/by-uploader/{userId}", Access::Public,
                  [this](const plugin::Request& request) { return by_uploader(request); });
  registrar.route(Method::Get, "/api/v1/videos/trending", Access::Public,
                  [this](const plugin::Request& request) { return trending(request); });
}

nlohmann::json ListingRoutes::summaries(const std::vector<std::string>& video_ids) const {
  const std::vector<Row> videos = catalog_.videos.find_many(video_ids);
  const auto counters = catalog_.stats.of_many(video_ids);
  nlohmann::json items = nlohmann::json::array();
  for (const Row& video : videos) {
    if (status_of(video) == kStatusRemoved) continue;  // trending's day counters still name it
    const auto found = counters.find(video.at("videoid").get<std::string>());
    items.push_back(video_summary(video, found != counters.end() ? found->second : VideoCounters{}));
  }
  return items;
}

template <class ReadFeed>
nlohmann::json ListingRoutes::page_of(const plugin::PageRequest& page, ReadFeed read_feed) const {
  const FeedPage feed_page = read_feed(plugin::page_offset(page), page.page_size);
  return plugin::page_envelope(summaries(feed_page.ids), page, feed_page.total);
}

plugin::Response ListingRoutes::latest(const plugin::Request& request) const {
  const plugin::PageRequest page = plugin::page_request(request);
  return plugin::json_response(200, page_of(page, [&](std::int64_t offset, int count) {
                                 return catalog_.feeds.latest(offset, count);
                               }));
}

plugin::Response ListingRoutes::by_tag(const plugin::Request& request) const {
  const plugin::PageRequest page = plugin::page_request(request);
  const std::string tag(request.path_param("tag").value_or(""));
  return plugin::json_response(200, page_of(page, [&](std::int64_t offset, int count) {
                                 return catalog_.feeds.with_tag(tag, offset, count);
                               }));
}

plugin::Response ListingRoutes::by_uploader(const plugin::Request& request) const {
  const std::string user_id = plugin::uuid_path_param(request, "userId");
  const plugin::PageRequest page = plugin::page_request(request);
  return plugin::json_response(200, page_of(page, [&](std::int64_t offset, int count) {
                                 return catalog_.feeds.of_uploader(user_id, offset, count);
                               }));
}

plugin::Response ListingRoutes::trending(const plugin::Request& request) const {
  const int interval_days = plugin::query_int(request, "intervalDays", 1, 1, kMaxIntervalDays);
  const int limit = plugin::query_int(request, "limit", kDefaultTrendingLimit, 1, kMaxTrendingLimit);
  if (interval_days != 1 && interval_days != 7 && interval_days != 30) throw plugin::BadRequest(kBadIntervalDetail);

  const auto views = catalog_.daily_views.views_per_video(window_days(catalog_.host.clock().now_ms(), interval_days));
  const auto ranked = top_viewed(views, static_cast<std::size_t>(limit));
  std::vector<std::string> ids;
  for (const auto& video : ranked) ids.push_back(video.video_id);
  nlohmann::json items = summaries(ids);
  // `views` is the window's count (api-contract §5.5), not the all-time total.
  for (auto& item : items) {
    const auto rank = std::find_if(ranked.begin(), ranked.end(),
                                   [&](const RankedVideo& video) { return video.video_id == item["videoId"]; });
    item["views"] = rank->views;
    item["viewCount"] = rank->views;
  }
  return plugin::json_response(200, items);
}

}  // namespace killrvideo::catalog
