#pragma once
// The catalog domain (design §5): videos, their listings, views and trending. Owns `videos`, the
// listing tables `latest_videos`, `videos_by_tag`, `videos_by_uploader`, and the collections
// `video_stats`, `feed_counts` and `video_views_by_day`.

#include "killrvideo/plugin/HostServices.h"
#include "killrvideo/plugin/Plugin.h"
#include "killrvideo/plugin/Registrar.h"

#include "CatalogImporters.h"
#include "CatalogServices.h"
#include "FeedRepair.h"
#include "ListingRoutes.h"
#include "SubmissionRoutes.h"
#include "VideoModeration.h"
#include "VideoRoutes.h"

namespace killrvideo::catalog {

class CatalogPlugin final : public plugin::Plugin {
 public:
  // Throws std::invalid_argument when the `oembed` config block is malformed.
  explicit CatalogPlugin(plugin::HostServices& host);

  void register_with(plugin::Registrar& registrar) override;

 private:
  CatalogServices catalog_;
  SubmissionRoutes submissions_;
  VideoRoutes videos_;
  ListingRoutes listings_;
  VideoModeration moderation_;
  CatalogImporters importers_;
  FeedRepair repair_;
};

}  // namespace killrvideo::catalog
