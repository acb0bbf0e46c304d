#pragma once
// What every route group and the event listener share: the host's services, the plugin's own store and
// the readers of the catalog's tables.

#include "killrvideo/plugin/HostServices.h"

#include "LatestVideos.h"
#include "SimilarVideos.h"
#include "UserPreferences.h"
#include "VideoStats.h"
#include "VideoStore.h"

namespace killrvideo::recommendations {

struct RecommendationServices {
  explicit RecommendationServices(plugin::HostServices& host_services)
      : host(host_services),
        videos(host_services.data()),
        stats(host_services.data()),
        similar(host_services.data()),
        latest(host_services.data(), host_services.clock(), host_services.log()),
        preferences(host_services.data(), host_services.clock()) {}

  plugin::HostServices& host;
  catalog::VideoStore videos;
  catalog::VideoStats stats;
  SimilarVideos similar;
  LatestVideos latest;
  UserPreferences preferences;
};

}  // namespace killrvideo::recommendations
