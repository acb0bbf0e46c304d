#pragma once
// The `user_preferences` table: per user, the taste learned from what they watched, rated highly and
// commented on — a preference vector (a weighted sum of those videos' `content_features`) and tag weights —
// and the set of videos they watched, which their feed leaves out.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "killrvideo/plugin/HostServices.h"
#include "killrvideo/plugin/data/Table.h"

#include "Recommendable.h"

namespace killrvideo::recommendations {

struct Preferences {
  std::vector<float> vector;  // empty until a video with a vector was engaged with
  std::map<std::string, double> tag_weights;
  std::set<std::string> watched;

  // Whether the vector points somewhere: a zero vector has no cosine neighbours.
  bool has_direction() const;
};

class UserPreferences {
 public:
  UserPreferences(plugin::DataClient& data, plugin::Clock& clock);

  // None for a user with no recorded engagement.
  std::optional<Preferences> find(const std::string& user_id) const;

  // Adds `weight` times the video's vector and tags to the user's taste. A read-modify-write of one row:
  // two events of one user at the same instant could lose one of them, which only blurs a taste.
  void add_engagement(const std::string& user_id, const Row& video, double weight) const;
  // Adds to the set with the table's `$push`, which needs no read and loses nothing under concurrency.
  void add_watched(const std::string& user_id, const std::string& video_id) const;

 private:
  plugin::data::Table preferences_;
  plugin::Clock& clock_;
};

}  // namespace killrvideo::recommendations
