#include "VideoLookup.h"

#include "killrvideo/plugin/data/Filter.h"
#include "killrvideo/plugin/data/FindOptions.h"

#include "CommentsRatingsTables.h"

namespace killrvideo::comments_ratings {

VideoLookup::VideoLookup(plugin::DataClient& data) : videos_(data, kVideosTable) {}

VideoState VideoLookup::state_of(const std::string& video_id) const {
  const auto video = videos_.find_one(plugin::data::Filter().eq("videoid", video_id),
                                      plugin::data::FindOneOptions().projection(
                                          plugin::data::Projection::include({"videoid", "status"})));
  if (!video) return VideoState::Missing;
  const auto status = video->find("status");
  // The catalog keeps a video removed by moderation with this status: for everyone else it is gone.
  if (status != video->end() && status->is_string() && status->get<std::string>() == "REMOVED") return VideoState::Missing;
  const bool ready = status == video->end() || !status->is_string() || status->get<std::string>() == "READY";
  return ready ? VideoState::Ready : VideoState::NotReady;
}

}  // namespace killrvideo::comments_ratings
