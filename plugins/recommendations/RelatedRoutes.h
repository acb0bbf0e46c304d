#pragma once
// #16 GET /videos/id/{videoId:uuid}/related?limit=1..20 (default 5): the videos closest to this one by
// content, as a bare array of RecommendationItem.

#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "killrvideo/plugin/Http.h"
#include "killrvideo/plugin/Registrar.h"

#include "RecommendationServices.h"

namespace killrvideo::recommendations {

inline constexpr int kDefaultRelatedLimit = 5;
inline constexpr int kMaxRelatedLimit = 20;

class RelatedRoutes {
 public:
  explicit RelatedRoutes(RecommendationServices& services) : services_(services) {}

  void register_with(plugin::Registrar& registrar);

  // Unknown source → []. A source with a vector → its nearest READY neighbours, itself excluded, `score`
  // = the Data API similarity. A source without one → the latest READY videos with `score` null.
  plugin::Response related(const plugin::Request& request) const;

 private:
  // The items of `videos` in order, each with its counters and score (none → null).
  nlohmann::json items(const std::vector<Row>& videos, const std::vector<std::optional<double>>& scores) const;

  RecommendationServices& services_;
};

}  // namespace killrvideo::recommendations
