#pragma once
// Removing and restoring videos for moderation: the moderation plugin's events
// `moderation.content_removed` / `moderation.content_restored` with contentType "video", and #35 restore.
// A removed video keeps its row with status REMOVED — so every reader that serves only READY videos
// (views, comments, ratings, recommendations) leaves it out without knowing about moderation — and
// leaves every listing (and its counts); its details answer 404 to everyone but moderators. The removal
// itself, with the status to restore, is a document of `video_removals`. Each change that happens is
// announced as `video.removed` / `video.restored` (README: Events).

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "killrvideo/plugin/Http.h"
#include "killrvideo/plugin/Registrar.h"
#include "killrvideo/plugin/data/Collection.h"

#include "CatalogServices.h"
#include "VideoEvents.h"

namespace killrvideo::catalog {

inline constexpr const char* kContentRemovedTopic = "moderation.content_removed";
inline constexpr const char* kContentRestoredTopic = "moderation.content_restored";

class VideoModeration {
 public:
  explicit VideoModeration(CatalogServices& catalog);

  void register_with(plugin::Registrar& registrar);
  plugin::Response restore_route(const plugin::Request& request) const;

  // Each transition happens once however many callers race for it (an insert of the removal that
  // only one can make, a delete that only one can do); true for the caller that made it.
  bool remove(const std::string& video_id, const std::string& moderator_id) const;
  bool restore(const std::string& video_id, const std::string& moderator_id) const;

 private:
  void on_event(const nlohmann::json& event, const char* topic, bool removal) const;
  void announce(const char* topic, const std::string& video_id, const std::string& moderator_id) const;

  CatalogServices& catalog_;
  plugin::data::Collection removals_;
};



}  // namespace killrvideo::catalog
