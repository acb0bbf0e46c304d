#include "VideoStats.h"

#include <cmath>

#include <nlohmann/json.hpp>

#include "killrvideo/plugin/data/Filter.h"
#include "killrvideo/plugin/data/Update.h"
#include "killrvideo/plugin/data/UpdateOptions.h"

#include "CatalogTables.h"

namespace killrvideo::catalog {

using plugin::data::CollectionUpdate;
using plugin::data::Filter;
using plugin::data::UpdateOneOptions;

namespace {

std::int64_t counter(const nlohmann::ordered_json& document, const char* field) {
  const auto value = document.find(field);
  return value != document.end() && value->is_number() ? value->get<std::int64_t>() : 0;
}

VideoCounters counters_of(const nlohmann::ordered_json& document) {
  return {counter(document, "views"), counter(document, "rating_count"), counter(document, "rating_total")};
}

}  // namespace

std::optional<double> VideoCounters::average_rating() const {
  if (rating_count <= 0) return std::nullopt;
  return std::round(static_cast<double>(rating_total) / static_cast<double>(rating_count) * 100.0) / 100.0;
}

VideoStats::VideoStats(plugin::DataClient& data) : stats_(data, kVideoStatsCollection) {}

VideoCounters VideoStats::of(const std::string& video_id) const {
  const auto document = stats_.find_one(Filter().eq("_id", video_id));
  return document ? counters_of(*document) : VideoCounters{};
}

std::map<std::string, VideoCounters> VideoStats::of_many(const std::vector<std::string>& video_ids) const {
  std::map<std::string, VideoCounters> counters;
  if (video_ids.empty()) return counters;
  std::vector<nlohmann::ordered_json> ids(video_ids.begin(), video_ids.end());
  for (const auto& document : stats_.find_all(Filter().in("_id", ids), video_ids.size()).documents) {
    counters[document.at("_id").get<std::string>()] = counters_of(document);
  }
  return counters;
}

void VideoStats::add_view(const std::string& video_id) const {
  stats_.update_one(Filter().eq("_id", video_id), CollectionUpdate().inc("views", 1), UpdateOneOptions().upsert());
}

void VideoStats::add_rating(const std::string& video_id, std::int64_t count_delta, std::int64_t total_delta) const {
  stats_.update_one(Filter().eq("_id", video_id),
                    CollectionUpdate().inc("rating_count", count_delta).inc("rating_total", total_delta),
                    UpdateOneOptions().upsert());
}

void VideoStats::set_views(const std::string& video_id, std::int64_t views) const {
  stats_.update_one(Filter().eq("_id", video_id), CollectionUpdate().set("views", views), UpdateOneOptions().upsert());
}

}  // namespace killrvideo::catalog
