#include "CounterRepair.h"

#include <set>

#include "CommentsRatingsTables.h"

namespace killrvideo::comments_ratings {

namespace {

// Every key of either map: a count can be wrong where rows exist and where only a stale count does.
template <class Value>
std::set<std::string> keys_of(const std::map<std::string, Value>& stored, const std::map<std::string, Value>& counted) {
  std::set<std::string> keys;
  for (const auto& entry : stored) keys.insert(entry.first);
  for (const auto& entry : counted) keys.insert(entry.first);
  return keys;
}

template <class Value>
Value value_at(const std::map<std::string, Value>& values, const std::string& key) {
  const auto found = values.find(key);
  return found != values.end() ? found->second : Value{};
}

std::string describe(const RatingCounters& counters) {
  return std::to_string(counters.count) + " ratings totalling " + std::to_string(counters.total);
}

}  // namespace

void CounterRepair::register_with(plugin::Registrar& registrar) {
  registrar.recount(kCommentCountsCollection, [this](const plugin::CorrectionLog& correct) { recount_comments(correct); });
  registrar.recount(kVideoRatingsCollection, [this](const plugin::CorrectionLog& correct) { recount_ratings(correct); });
}

void CounterRepair::recount_comments(const plugin::CorrectionLog& correct) const {
  const auto stored = services_.comments.counts().all();
  const auto counted = services_.comments.count_rows();
  for (const auto& key : keys_of(stored, counted)) {
    const std::int64_t was = value_at(stored, key);
    const std::int64_t is = value_at(counted, key);
    if (was == is) continue;
    services_.comments.counts().overwrite(key, is);
    correct(key + ": " + std::to_string(was) + " -> " + std::to_string(is));
  }
}

// Only this plugin's counters: the catalog's copy on videos follows video.rated events and is the
// catalog's to repair.
void CounterRepair::recount_ratings(const plugin::CorrectionLog& correct) const {
  const auto stored = services_.ratings.all_counters();
  const auto counted = services_.ratings.tally_ratings();
  for (const auto& video_id : keys_of(stored, counted)) {
    const RatingCounters was = value_at(stored, video_id);
    const RatingCounters is = value_at(counted, video_id);
    if (was.count == is.count && was.total == is.total) continue;
    services_.ratings.overwrite_counters(video_id, is);
    correct(video_id + ": " + describe(was) + " -> " + describe(is));
  }
}

}  // namespace killrvideo::comments_ratings
