#pragma once
// The `comments` and `video_ratings_by_user` data sets of killrvideo-load (the KillrVideo CSV export).
// Both are idempotent: a comment is counted the first time it is seen, a rating moves the counters only
// by what changed, so re-running a load changes nothing.

#include "killrvideo/plugin/Registrar.h"

#include "CommentsRatingsServices.h"

namespace killrvideo::comments_ratings {

class CommentsRatingsImporters {
 public:
  explicit CommentsRatingsImporters(CommentsRatingsServices& services) : services_(services) {}

  void register_with(plugin::Registrar& registrar);

 private:
  void import_comment(const plugin::ImportRow& row) const;
  void import_rating(const plugin::ImportRow& row) const;

  CommentsRatingsServices& services_;
};

}  // namespace killrvideo::comments_ratings
