#include "VideoStore.h"

#include <cstdint>
#include <unordered_map>

#include "killrvideo/plugin/data/FindOptions.h"
#include "killrvideo/plugin/data/Projection.h"

#include "CatalogTables.h"

namespace killrvideo::catalog {

using plugin::data::Filter;
using plugin::data::FindOptions;
using plugin::data::Projection;

VideoStore::VideoStore(plugin::DataClient& data) : videos_(data, kVideosTable) {}

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

std::vector<Row> VideoStore::all_listable() const {
  return videos_.find_all(Filter(), SIZE_MAX,
                          FindOptions().projection(Projection::include({"videoid", "userid", "added_date", "tags", "name",
                                                                        "preview_image_location", "content_rating", "category",
                                                                        "status"})))
      .documents;
}

void VideoStore::insert_video(const Row& row) const { videos_.insert_one(row); }

bool VideoStore::insert_all(const std::vector<Row>& rows) const { return videos_.insert_many(rows).errors.empty(); }

void VideoStore::update(const std::string& video_id, const plugin::data::TableUpdate& update) const {
  videos_.update_one(Filter().eq("videoid", video_id), update);
}

}  // namespace killrvideo::catalog
