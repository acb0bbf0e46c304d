#pragma once
// #26 GET /recommendations/foryou?page&pageSize (viewer): the caller's personal feed, a page of
// VideoSummary in the pagination envelope.
//
// The feed is a bounded list, computed per request: the kFeedLength READY videos closest to the caller's
// preference vector (ANN), re-ranked by their tag weights, leaving out what the caller watched. A caller
// without a taste yet gets the kFeedLength newest READY videos they have not watched. `totalItems` is the
// length of that list — exact, and at most kFeedLength — so the last page is really the last.

#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "killrvideo/plugin/Http.h"
#include "killrvideo/plugin/Registrar.h"
#include "killrvideo/plugin/Validation.h"

#include "RecommendationServices.h"

namespace killrvideo::recommendations {

// The feed's length: what a person pages through, and what one ANN read of ≤1000 rows can rank.
inline constexpr std::size_t kFeedLength = 100;
// How much of the ranking the tags decide; the rest is the vector's similarity.
inline constexpr double kTagShare = 0.2;

// Σ of the user's weights of the video's tags / Σ of all their positive tag weights, in 0..1.
double tag_affinity(const std::map<std::string, double>& tag_weights, const Row& video);

class ForYouRoutes {
 public:
  explicit ForYouRoutes(RecommendationServices& services) : services_(services) {}

  void register_with(plugin::Registrar& registrar);

  plugin::Response for_you(const plugin::Request& request) const;

  // The whole feed of `user_id`, best first, as video ids.
  std::vector<std::string> feed(const std::string& user_id) const;

 private:
  std::vector<std::string> personal_feed(const Preferences& preferences) const;
  std::vector<std::string> latest_feed(const std::set<std::string>& watched) const;
  nlohmann::json summaries(const std::vector<std::string>& video_ids) const;

  RecommendationServices& services_;
};

}  // namespace killrvideo::recommendations
