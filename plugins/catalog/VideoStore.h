#pragma once
// The catalog's reads and writes of `videos`. Rows stay Data API JSON.

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

class VideoStore {
 public:
  explicit VideoStore(plugin::DataClient& data);

  // The full row, vector included; none when no video has this id.
  std::optional<Row> find(const std::string& video_id) const;
  // Rows of these ids without their vectors, in the order given; ids without a row are left out.
  std::vector<Row> find_many(const std::vector<std::string>& video_ids) const;

  // Every video with the columns its listing rows need (reads the whole table: the recount's job).
  std::vector<Row> all_listable() const;

  void insert_video(const Row& row) const;
  // Many rows at once (a bulk import); false when the store refused any of them (the others are written).
  bool insert_all(const std::vector<Row>& rows) const;
  void update(const std::string& video_id, const plugin::data::TableUpdate& update) const;

 private:
  plugin::data::Table videos_;
};

}  // namespace killrvideo::catalog
