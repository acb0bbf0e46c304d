#include "CommentCounts.h"

#include <cstdint>

#include "killrvideo/plugin/data/Filter.h"
#include "killrvideo/plugin/data/Update.h"
#include "killrvideo/plugin/data/UpdateOptions.h"

#include "CommentsRatingsTables.h"

namespace killrvideo::comments_ratings {

using plugin::data::CollectionUpdate;
using plugin::data::Filter;
using plugin::data::UpdateOneOptions;

namespace {

constexpr const char* kCountField = "comments";

std::int64_t count_in(const nlohmann::ordered_json& document) {
  const auto count = document.find(kCountField);
  return count != document.end() && count->is_number_integer() ? count->get<std::int64_t>() : 0;
}

}  // namespace

std::string CommentCounts::video_key(const std::string& video_id) { return "video:" + video_id; }
std::string CommentCounts::user_key(const std::string& user_id) { return "user:" + user_id; }

CommentCounts::CommentCounts(plugin::DataClient& data) : counts_(data, kCommentCountsCollection) {}

std::int64_t CommentCounts::of_video(const std::string& video_id) const { return of(video_key(video_id)); }
std::int64_t CommentCounts::of_user(const std::string& user_id) const { return of(user_key(user_id)); }

void CommentCounts::add(const std::string& video_id, const std::string& user_id, std::int64_t delta) const {
  for (const auto& key : {video_key(video_id), user_key(user_id)}) {
    counts_.update_one(Filter().eq("_id", key), CollectionUpdate().inc(kCountField, delta), UpdateOneOptions().upsert());
  }
}

std::map<std::string, std::int64_t> CommentCounts::all() const {
  std::map<std::string, std::int64_t> counts;
  for (const auto& document : counts_.find_all(Filter(), SIZE_MAX).documents) {
    counts[document.at("_id").get<std::string>()] = count_in(document);
  }
  return counts;
}

std::int64_t CommentCounts::of(const std::string& key) const {
  const auto document = counts_.find_one(Filter().eq("_id", key));
  return document ? count_in(*document) : 0;
}

void CommentCounts::overwrite(const std::string& key, std::int64_t count) const {
  counts_.update_one(Filter().eq("_id", key), CollectionUpdate().set(kCountField, count), UpdateOneOptions().upsert());
}

}  // namespace killrvideo::comments_ratings
