#pragma once
// The catalog's reads and writes of `videos` and `latest_videos`. Rows stay Data API JSON.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "killrvideo/plugin/HostServices.h"
#include "killrvideo/plugin/data/Filter.h"
#include "killrvideo/plugin/data/Table.h"
#include "killrvideo/plugin/data/Update.h"

namespace killrvideo::catalog {

using Row = nlohmann::ordered_json;

// What a listing needs to order videos before it reads any of them in full.
struct VideoKey {
  std::string video_id;
  std::int64_t added_ms = 0;
};

// A listing reads at most this many keys; past it the total would be a guess, and the log says so.
inline constexpr std::size_t kMaxListedVideos = 10'000;

class VideoStore {
 public:
  VideoStore(plugin::DataClient& data, plugin::Logger& log);

  // The full row, vector included; none when no video has this id.
  std::optional<Row> find(const std::string& video_id) const;
  // Rows of these ids without their vectors, in the order given; ids without a row are left out.
  std::vector<Row> find_many(const std::vector<std::string>& video_ids) const;

  void insert_video(const Row& row) const;
  void insert_latest(const Row& row) const;
  void update(const std::string& video_id, const plugin::data::TableUpdate& update) const;

  // Keys of every video, from the day-bucketed `latest_videos`.
  std::vector<VideoKey> latest_keys() const;
  // Keys of the videos whose tag set holds `tag` / uploaded by `user_id` (secondary indexes).
  std::vector<VideoKey> keys_with_tag(const std::string& tag) const;
  std::vector<VideoKey> keys_of_uploader(const std::string& user_id) const;

 private:
  std::vector<VideoKey> keys(const plugin::data::Table& table, const plugin::data::Filter& filter) const;

  plugin::data::Table videos_;
  plugin::data::Table latest_;
  plugin::Logger& log_;
};

}  // namespace killrvideo::catalog
