#include "ContentLookup.h"

#include "killrvideo/plugin/data/Filter.h"
#include "killrvideo/plugin/data/FindOptions.h"

#include "ModerationTables.h"

namespace killrvideo::moderation {

using plugin::data::Filter;
using plugin::data::FindOneOptions;
using plugin::data::Projection;

ContentLookup::ContentLookup(plugin::DataClient& data)
    : videos_(data, kVideosTable), comments_(data, kCommentsByIdCollection) {}

bool ContentLookup::exists(const std::string& content_type, const std::string& content_id) const {
  if (content_type == "video") {
    return videos_.find_one(Filter().eq("videoid", content_id), FindOneOptions().projection(Projection::include({"videoid"})))
        .has_value();
  }
  return comments_.find_one(Filter().eq("_id", content_id), FindOneOptions().projection(Projection::include({"_id"})))
      .has_value();
}

}  // namespace killrvideo::moderation
