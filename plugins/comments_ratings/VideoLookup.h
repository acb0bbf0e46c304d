#pragma once
// What this plugin needs to know of a video before it takes a comment or a rating: that it exists and
// whether it is READY. Read from the catalog's `videos` table (declared read), one point read.

#include <optional>
#include <string>

#include "killrvideo/plugin/HostServices.h"
#include "killrvideo/plugin/data/Table.h"

namespace killrvideo::comments_ratings {

enum class VideoState { Missing, NotReady, Ready };

class VideoLookup {
 public:
  explicit VideoLookup(plugin::DataClient& data);

  // A row without a status counts as READY, as the reference reads it (api-contract §5.1).
  VideoState state_of(const std::string& video_id) const;

 private:
  plugin::data::Table videos_;
};

}  // namespace killrvideo::comments_ratings
