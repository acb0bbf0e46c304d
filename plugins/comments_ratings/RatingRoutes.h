#pragma once
// Both rating APIs (api-contract §4.4): the plural one the UI calls (#24 rate, #25 summary with the
// caller's own rating) and the singular one (#14 rate, #15 summary), which share one rating logic.

#include "killrvideo/plugin/Http.h"
#include "killrvideo/plugin/Registrar.h"

#include "CommentsRatingsServices.h"

namespace killrvideo::comments_ratings {

class RatingRoutes {
 public:
  explicit RatingRoutes(CommentsRatingsServices& services) : services_(services) {}

  void register_with(plugin::Registrar& registrar);

 private:
  plugin::Response rate(const plugin::Request& request) const;
  plugin::Response rate_singular(const plugin::Request& request) const;
  plugin::Response summary(const plugin::Request& request) const;
  plugin::Response summary_singular(const plugin::Request& request) const;

  struct Rated {
    std::string video_id;
    std::string user_id;
    int rating = 0;
    RatingChange change;
    std::int64_t now_ms = 0;
  };
  // Checks the body and the video, stores the rating and publishes video.rated.
  Rated apply_rating(const plugin::Request& request) const;

  CommentsRatingsServices& services_;
};

}  // namespace killrvideo::comments_ratings
