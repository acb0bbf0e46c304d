#pragma once
// The catalog domain (design §5): videos, their listings, views and trending. Owns `videos`,
// `latest_videos`, `video_activity` and the `video_stats` collection.

#include "killrvideo/plugin/HostServices.h"
#include "killrvideo/plugin/Plugin.h"
#include "killrvideo/plugin/Registrar.h"

#include "CatalogImporters.h"
#include "CatalogServices.h"
#include "ListingRoutes.h"
#include "RestoreRoutes.h"
#include "SubmissionRoutes.h"
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
  RestoreRoutes restores_;
  CatalogImporters importers_;
};

}  // namespace killrvideo::catalog
