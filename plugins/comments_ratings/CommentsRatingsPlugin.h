#pragma once
// The comments and ratings domain (design §5): comments by video and by user with exact counts, both
// rating APIs with exact counters, hiding and restoring comments for moderation.

#include "killrvideo/plugin/HostServices.h"
#include "killrvideo/plugin/Plugin.h"
#include "killrvideo/plugin/Registrar.h"

#include "CommentModeration.h"
#include "CommentRoutes.h"
#include "CommentsRatingsImporters.h"
#include "CommentsRatingsServices.h"
#include "CounterRepair.h"
#include "RatingRoutes.h"

namespace killrvideo::comments_ratings {

class CommentsRatingsPlugin final : public plugin::Plugin {
 public:
  explicit CommentsRatingsPlugin(plugin::HostServices& host);

  void register_with(plugin::Registrar& registrar) override;

 private:
  CommentsRatingsServices services_;
  CommentRoutes comments_;
  RatingRoutes ratings_;
  CommentModeration moderation_;
  CommentsRatingsImporters importers_;
  CounterRepair repair_;
};

}  // namespace killrvideo::comments_ratings
