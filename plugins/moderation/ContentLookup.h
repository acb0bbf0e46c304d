#pragma once
// Whether flagged content exists: videos in the catalog's `videos` table, comments in comments_ratings'
// `comments_by_id` collection (both declared reads), one point read with a one-field projection each.
// Content removed by moderation still exists: it can be flagged again and its flags stay actionable.

#include <string>

#include "killrvideo/plugin/HostServices.h"
#include "killrvideo/plugin/data/Collection.h"
#include "killrvideo/plugin/data/Table.h"

namespace killrvideo::moderation {

class ContentLookup {
 public:
  explicit ContentLookup(plugin::DataClient& data);

  // `content_type` is "video" or "comment".
  bool exists(const std::string& content_type, const std::string& content_id) const;

 private:
  plugin::data::Table videos_;
  plugin::data::Collection comments_;
};

}  // namespace killrvideo::moderation
