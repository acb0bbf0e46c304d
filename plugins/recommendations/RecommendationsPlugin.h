#pragma once
// The recommendations domain (design §5): related videos (#16), the personal feed (#26) and embedding
// ingest (#27). Owns `user_preferences`; reads the catalog's `videos`, `latest_videos` and `video_stats`.

#include "killrvideo/plugin/HostServices.h"
#include "killrvideo/plugin/Plugin.h"
#include "killrvideo/plugin/Registrar.h"

#include "EngagementListener.h"
#include "ForYouRoutes.h"
#include "IngestRoutes.h"
#include "RecommendationServices.h"
#include "RelatedRoutes.h"

namespace killrvideo::recommendations {

class RecommendationsPlugin final : public plugin::Plugin {
 public:
  explicit RecommendationsPlugin(plugin::HostServices& host);

  void register_with(plugin::Registrar& registrar) override;

 private:
  RecommendationServices services_;
  RelatedRoutes related_;
  ForYouRoutes for_you_;
  IngestRoutes ingest_;
  EngagementListener engagement_;
};

}  // namespace killrvideo::recommendations
