#include "RatingStore.h"

#include <cmath>
#include <cstdint>

#include "killrvideo/plugin/UtcTime.h"
#include "killrvideo/plugin/data/Filter.h"
#include "killrvideo/plugin/data/FindOptions.h"
#include "killrvideo/plugin/data/Update.h"
#include "killrvideo/plugin/data/UpdateOptions.h"

#include "CommentsRatingsTables.h"

namespace killrvideo::comments_ratings {

using plugin::data::CollectionUpdate;
using plugin::data::Filter;
using plugin::data::FindOneAndUpdateOptions;
using plugin::data::ReturnDocument;
using plugin::data::UpdateOneOptions;

namespace {

std::string rating_id(const std::string& video_id, const std::string& user_id) { return video_id + ":" + user_id; }

std::int64_t integer_field(const nlohmann::ordered_json& document, const char* field) {
  const auto value = document.find(field);
  return value != document.end() && value->is_number_integer() ? value->get<std::int64_t>() : 0;
}

std::int64_t created_ms_of(const nlohmann::ordered_json& document, std::int64_t fallback_ms) {
  const auto value = document.find("created_at");
  if (value == document.end() || !value->is_string()) return fallback_ms;
  return plugin::parse_iso_timestamp(value->get<std::string>()).value_or(fallback_ms);
}

}  // namespace

std::optional<double> RatingCounters::average() const {
  if (count <= 0) return std::nullopt;
  return std::round(static_cast<double>(total) / static_cast<double>(count) * 100.0) / 100.0;
}

RatingStore::RatingStore(plugin::DataClient& data)
    : by_user_(data, kVideoRatingsByUserCollection), counters_(data, kVideoRatingsCollection) {}

RatingChange RatingStore::rate(const std::string& video_id, const std::string& user_id, int rating,
                               std::int64_t now_ms) const {
  const std::string now = plugin::iso_timestamp(now_ms);
  const auto before = by_user_.find_one_and_update(
      Filter().eq("_id", rating_id(video_id, user_id)),
      CollectionUpdate()
          .set("rating", rating)
          .set("rating_date", now)
          .set_on_insert("videoid", video_id)
          .set_on_insert("userid", user_id)
          .set_on_insert("created_at", now),
      FindOneAndUpdateOptions().upsert().return_document(ReturnDocument::Before));
  RatingChange change{std::nullopt, now_ms};
  if (before.document) {
    change.previous = static_cast<int>(integer_field(*before.document, "rating"));
    change.created_ms = created_ms_of(*before.document, now_ms);
  }
  const std::int64_t count_delta = change.previous ? 0 : 1;
  const std::int64_t total_delta = rating - change.previous.value_or(0);
  if (count_delta != 0 || total_delta != 0) {
    counters_.update_one(Filter().eq("_id", video_id),
                         CollectionUpdate().inc("rating_count", count_delta).inc("rating_total", total_delta),
                         UpdateOneOptions().upsert());
  }
  return change;
}

RatingCounters RatingStore::counters_of(const std::string& video_id) const {
  const auto document = counters_.find_one(Filter().eq("_id", video_id));
  if (!document) return {};
  return {integer_field(*document, "rating_count"), integer_field(*document, "rating_total")};
}

std::optional<int> RatingStore::rating_of(const std::string& video_id, const std::string& user_id) const {
  const auto document = by_user_.find_one(Filter().eq("_id", rating_id(video_id, user_id)));
  if (!document || !document->contains("rating")) return std::nullopt;
  return static_cast<int>(integer_field(*document, "rating"));
}

std::map<std::string, RatingCounters> RatingStore::all_counters() const {
  std::map<std::string, RatingCounters> counters;
  for (const auto& document : counters_.find_all(Filter(), SIZE_MAX).documents) {
    counters[document.at("_id").get<std::string>()] = {integer_field(document, "rating_count"),
                                                       integer_field(document, "rating_total")};
  }
  return counters;
}

std::map<std::string, RatingCounters> RatingStore::tally_ratings() const {
  std::map<std::string, RatingCounters> counters;
  const auto ratings = by_user_.find_all(Filter(), SIZE_MAX,
                                         plugin::data::FindOptions().projection(
                                             plugin::data::Projection::include({"videoid", "rating"})));
  for (const auto& document : ratings.documents) {
    auto& video = counters[document.at("videoid").get<std::string>()];
    ++video.count;
    video.total += integer_field(document, "rating");
  }
  return counters;
}

void RatingStore::overwrite_counters(const std::string& video_id, const RatingCounters& counters) const {
  counters_.update_one(Filter().eq("_id", video_id),
                       CollectionUpdate().set("rating_count", counters.count).set("rating_total", counters.total),
                       UpdateOneOptions().upsert());
}

}  // namespace killrvideo::comments_ratings
