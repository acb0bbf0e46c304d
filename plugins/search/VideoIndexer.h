#pragma once
// Keeps what search finds in step with the catalog: on every catalog event about a video, its row in
// `video_text` and its tags' counts are made to match the video as the catalog now stores it.

#include <optional>
#include <string>
#include <vector>

#include "killrvideo/plugin/HostServices.h"
#include "killrvideo/plugin/Registrar.h"
#include "killrvideo/plugin/data/Table.h"

#include "TagIndex.h"

namespace killrvideo::search {

// The words the text index holds for a video: the title twice (a searcher types words of a title far
// more often than of a description, and the relevance ranking counts occurrences), the description, and
// the tags both as written and with `_` read as a space ("data_modeling" is found by "modeling").
std::string searchable_text(const std::string& title, const std::string& description,
                            const std::vector<std::string>& tags);

class VideoIndexer {
 public:
  VideoIndexer(plugin::DataClient& data, const TagIndex& tags);

  void register_with(plugin::Registrar& registrar);

  // Reads the catalog's row of the video and makes the search row and tag counts follow it: a READY
  // video is searchable with its current words and tags; any other, or a missing one, is not.
  void sync(const std::string& video_id) const;
  // The same from a row already read (the recount walks the catalog's rows). Returns whether anything
  // had to change.
  bool sync_with(const std::string& video_id, const std::optional<nlohmann::ordered_json>& video) const;

 private:
  plugin::data::Table videos_;
  plugin::data::Table texts_;
  const TagIndex& tags_;
};

}  // namespace killrvideo::search
