#pragma once
// The `comment_counts` collection: how many visible comments each video and each user has, one document
// per video ("video:<id>") and per user ("user:<id>"), moved only by atomic $inc so that concurrent
// writers never lose a count. Listings take their exact totals from here instead of counting rows.

#include <cstdint>
#include <map>
#include <string>

#include "killrvideo/plugin/HostServices.h"
#include "killrvideo/plugin/data/Collection.h"

namespace killrvideo::comments_ratings {

class CommentCounts {
 public:
  explicit CommentCounts(plugin::DataClient& data);

  std::int64_t of_video(const std::string& video_id) const;
  std::int64_t of_user(const std::string& user_id) const;
  // Both documents move together: a comment counts for its video and for its author.
  void add(const std::string& video_id, const std::string& user_id, std::int64_t delta) const;

  // For the recount: documents are keyed "video:<id>" and "user:<id>".
  static std::string video_key(const std::string& video_id);
  static std::string user_key(const std::string& user_id);
  // Every stored count by key (reads the whole collection).
  std::map<std::string, std::int64_t> all() const;
  void overwrite(const std::string& key, std::int64_t count) const;

 private:
  std::int64_t of(const std::string& key) const;

  plugin::data::Collection counts_;
};

}  // namespace killrvideo::comments_ratings
