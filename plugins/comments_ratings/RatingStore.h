#pragma once
// Ratings: one document per (video, user) in `video_ratings_by_user` and the counters of each video in
// `video_ratings`. Both are collections because a rating is read and changed atomically:
// findOneAndUpdate swaps in the new value and hands back the old one, so the counters move by exactly
// what changed however many ratings race (a first rating counts once; a re-rate moves only the total).

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "killrvideo/plugin/HostServices.h"
#include "killrvideo/plugin/data/Collection.h"

namespace killrvideo::comments_ratings {

struct RatingCounters {
  std::int64_t count = 0;
  std::int64_t total = 0;

  // total / count rounded to 2 decimals; none without ratings.
  std::optional<double> average() const;
};

struct RatingChange {
  std::optional<int> previous;  // none for a first rating
  std::int64_t created_ms = 0;  // when the user first rated this video
};

class RatingStore {
 public:
  explicit RatingStore(plugin::DataClient& data);

  // Stores `rating` as the user's rating of the video, stamped `now_ms`, and moves the counters by the
  // difference. Returns what was replaced.
  RatingChange rate(const std::string& video_id, const std::string& user_id, int rating, std::int64_t now_ms) const;
  RatingCounters counters_of(const std::string& video_id) const;
  std::optional<int> rating_of(const std::string& video_id, const std::string& user_id) const;

  // For the recount (each reads a whole collection): the stored counters, the counters the stored
  // ratings add up to, and a correction.
  std::map<std::string, RatingCounters> all_counters() const;
  std::map<std::string, RatingCounters> tally_ratings() const;
  void overwrite_counters(const std::string& video_id, const RatingCounters& counters) const;

 private:
  plugin::data::Collection by_user_;
  plugin::data::Collection counters_;
};

}  // namespace killrvideo::comments_ratings
