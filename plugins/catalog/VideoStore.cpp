#include "VideoStore.h"

#include <unordered_map>

#include "killrvideo/plugin/data/FindOptions.h"
#include "killrvideo/plugin/data/Projection.h"

#include "CatalogTables.h"
#include "UtcTime.h"

namespace killrvideo::catalog {

using plugin::data::Filter;
using plugin::data::FindOptions;
using plugin::data::Projection;

VideoStore::VideoStore(plugin::DataClient& data, plugin::Logger& log)
    : videos_(data, kVideosTable), latest_(data, kLatestVideosTable), log_(log) {}

std::optional<Row> VideoStore::find(const std::string& video_id) const {
  return videos_.find_one(Filter().eq("videoid", video_id));
}

std::vector<Row> VideoStore::find_many(const std::vector<std::string>& video_ids) const {
  if (video_ids.empty()) return {};
  std::vector<Row> ids;
  for (const auto& id : video_ids) ids.emplace_back(id);
  const auto found = videos_.find_all(Filter().in("videoid", ids), video_ids.size(),
                                      FindOptions().projection(Projection::exclude({"content_features"})));
  std::unordered_map<std::string, const Row*> by_id;
  for (const auto& row : found.documents) by_id[row.at("videoid").get<std::string>()] = &row;
  std::vector<Row> ordered;
  for (const auto& id : video_ids) {
    if (const auto it = by_id.find(id); it != by_id.end()) ordered.push_back(*it->second);
  }
  return ordered;
}

void VideoStore::insert_video(const Row& row) const { videos_.insert_one(row); }

void VideoStore::insert_latest(const Row& row) const { latest_.insert_one(row); }

void VideoStore::update(const std::string& video_id, const plugin::data::TableUpdate& update) const {
  videos_.update_one(Filter().eq("videoid", video_id), update);
}

std::vector<VideoKey> VideoStore::latest_keys() const { return keys(latest_, Filter()); }

std::vector<VideoKey> VideoStore::keys_with_tag(const std::string& tag) const {
  return keys(videos_, Filter().in("tags", {Row(tag)}));
}

std::vector<VideoKey> VideoStore::keys_of_uploader(const std::string& user_id) const {
  return keys(videos_, Filter().eq("userid", user_id));
}

std::vector<VideoKey> VideoStore::keys(const plugin::data::Table& table, const Filter& filter) const {
  // Only the two key columns travel: counting and ordering need nothing else (tables cannot count).
  const auto found = table.find_all(filter, kMaxListedVideos,
                                    FindOptions().projection(Projection::include({"videoid", "added_date"})));
  if (found.truncated) log_.warn("catalog: a listing stopped after " + std::to_string(kMaxListedVideos) + " videos");
  std::vector<VideoKey> keys;
  keys.reserve(found.documents.size());
  for (const auto& row : found.documents) {
    const auto added = row.find("added_date");
    const std::int64_t added_ms = added != row.end() && added->is_string() ? parse_iso_timestamp(added->get<std::string>()) : 0;
    keys.push_back({row.at("videoid").get<std::string>(), added_ms});
  }
  return keys;
}

}  // namespace killrvideo::catalog
