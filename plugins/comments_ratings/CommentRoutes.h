#pragma once
// #21 add a comment, #22 the comments of a video, #23 the comments of a user (api-contract §4.4).

#include "killrvideo/plugin/Http.h"
#include "killrvideo/plugin/Registrar.h"

#include "CommentsRatingsServices.h"

namespace killrvideo::comments_ratings {

inline constexpr std::size_t kMaxCommentLength = 1000;

class CommentRoutes {
 public:
  explicit CommentRoutes(CommentsRatingsServices& services) : services_(services) {}

  void register_with(plugin::Registrar& registrar);

 private:
  plugin::Response add(const plugin::Request& request) const;
  plugin::Response of_video(const plugin::Request& request) const;
  plugin::Response of_user(const plugin::Request& request) const;

  CommentsRatingsServices& services_;
};

}  // namespace killrvideo::comments_ratings
