#pragma once
// Hiding and restoring comments: #36 restore (a moderator's route) and the moderation plugin's events
// `moderation.content_removed` / `moderation.content_restored` with contentType "comment". Each change
// that happens is announced as `comment.removed` / `comment.restored` (README: Events).

#include <nlohmann/json.hpp>

#include "killrvideo/plugin/Http.h"
#include "killrvideo/plugin/Registrar.h"

#include "CommentsRatingsServices.h"

namespace killrvideo::comments_ratings {

class CommentModeration {
 public:
  explicit CommentModeration(CommentsRatingsServices& services) : services_(services) {}

  void register_with(plugin::Registrar& registrar);

 private:
  plugin::Response restore_route(const plugin::Request& request) const;
  void on_content_removed(const nlohmann::json& event) const;
  void on_content_restored(const nlohmann::json& event) const;
  void announce(const char* topic, const Comment& comment, const std::string& moderator_id) const;

  CommentsRatingsServices& services_;
};

}  // namespace killrvideo::comments_ratings
