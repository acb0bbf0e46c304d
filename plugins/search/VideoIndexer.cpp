#include "VideoIndexer.h"

#include <algorithm>
#include <set>

#include "killrvideo/plugin/EventFields.h"
#include "killrvideo/plugin/data/FindOptions.h"
#include "killrvideo/plugin/data/Projection.h"

#include "CatalogTables.h"
#include "VideoJson.h"
#include "SearchTables.h"
#include "VideoEvents.h"

namespace killrvideo::search {

using plugin::data::Filter;
using plugin::data::FindOneOptions;
using plugin::data::Projection;
using Row = nlohmann::ordered_json;

namespace {

std::string text_of(const Row& row, const char* column) {
  const auto value = row.find(column);
  return value != row.end() && value->is_string() ? value->get<std::string>() : std::string();
}

std::vector<std::string> tags_of(const Row& row) {
  const auto value = row.find("tags");
  return value != row.end() && value->is_array() ? value->get<std::vector<std::string>>() : std::vector<std::string>{};
}


// Elements of `from` not in `other`.
std::vector<std::string> missing_from(const std::vector<std::string>& from, const std::vector<std::string>& other) {
  const std::set<std::string> others(other.begin(), other.end());
  const std::set<std::string> unique(from.begin(), from.end());
  std::vector<std::string> missing;
  std::copy_if(unique.begin(), unique.end(), std::back_inserter(missing),
               [&](const std::string& tag) { return others.count(tag) == 0; });
  return missing;
}

}  // namespace

std::string searchable_text(const std::string& title, const std::string& description,
                            const std::vector<std::string>& tags) {
  std::string text = title + "\n" + title + "\n" + description;
  for (const std::string& tag : tags) {
    std::string spaced = tag;
    std::replace(spaced.begin(), spaced.end(), '_', ' ');
    text += "\n" + tag;
    if (spaced != tag) text += " " + spaced;
  }
  return text;
}

VideoIndexer::VideoIndexer(plugin::DataClient& data, const TagIndex& tags)
    : videos_(data, catalog::kVideosTable), texts_(data, kVideoTextTable), tags_(tags) {}

void VideoIndexer::register_with(plugin::Registrar& registrar) {
  for (const char* topic : {catalog::kVideoAddedTopic, catalog::kVideoUpdatedTopic, catalog::kVideoRemovedTopic,
                            catalog::kVideoRestoredTopic}) {
    registrar.subscribe(topic, [this](const std::string& event_topic, const nlohmann::json& event) {
      sync(plugin::event_uuid(event, event_topic, "videoId"));
    });
  }
}

void VideoIndexer::sync(const std::string& video_id) const {
  const auto video = videos_.find_one(
      Filter().eq("videoid", video_id),
      FindOneOptions().projection(Projection::include({"videoid", "name", "description", "tags", "status"})));
  sync_with(video_id, video);
}

bool VideoIndexer::sync_with(const std::string& video_id, const std::optional<Row>& video) const {
  const auto indexed = texts_.find_one(
      Filter().eq("videoid", video_id),
      FindOneOptions().projection(Projection::include({"videoid", kVideoTextColumn, "tags"})));
  const std::vector<std::string> indexed_tags = indexed ? tags_of(*indexed) : std::vector<std::string>{};
  if (!video || catalog::status_of(*video) != catalog::kStatusReady) {
    if (!indexed) return false;
    texts_.delete_one(Filter().eq("videoid", video_id));
    tags_.count_out(missing_from(indexed_tags, {}));
    return true;
  }
  const std::vector<std::string> tags = tags_of(*video);
  const std::string text = searchable_text(text_of(*video, "name"), text_of(*video, "description"), tags);
  // A re-import or a repeated event of an unchanged video writes nothing.
  if (indexed && text_of(*indexed, kVideoTextColumn) == text && missing_from(tags, indexed_tags).empty() &&
      missing_from(indexed_tags, tags).empty()) {
    return false;
  }
  texts_.insert_one({{"videoid", video_id}, {kVideoTextColumn, text}, {"tags", tags}});
  tags_.count_in(missing_from(tags, indexed_tags));
  tags_.count_out(missing_from(indexed_tags, tags));
  return true;
}

}  // namespace killrvideo::search
