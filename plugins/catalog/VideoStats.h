#pragma once
// The `video_stats` collection: one document per video (_id = videoid) holding `views`, `rating_count`
// and `rating_total`, each moved only by atomic $inc, so concurrent updates are never lost (design §4).

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "killrvideo/plugin/HostServices.h"
#include "killrvideo/plugin/data/Collection.h"

namespace killrvideo::catalog {

struct VideoCounters {
  std::int64_t views = 0;
  std::int64_t rating_count = 0;
  std::int64_t rating_total = 0;

  // rating_total / rating_count rounded to 2 decimals; none without ratings.
  std::optional<double> average_rating() const;
};

class VideoStats {
 public:
  explicit VideoStats(plugin::DataClient& data);

  VideoCounters of(const std::string& video_id) const;
  // Counters of each id that has a document; others are absent (all zero).
  std::map<std::string, VideoCounters> of_many(const std::vector<std::string>& video_ids) const;

  void add_view(const std::string& video_id) const;
  void add_rating(const std::string& video_id, std::int64_t count_delta, std::int64_t total_delta) const;
  // Replaces the view count (the sample data's totals): idempotent, unlike add_view.
  void set_views(const std::string& video_id, std::int64_t views) const;

 private:
  plugin::data::Collection stats_;
};

}  // namespace killrvideo::catalog
