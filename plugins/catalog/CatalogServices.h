#pragma once
// What every route group of the catalog works with: the host's services and the catalog's stores.

#include "killrvideo/plugin/HostServices.h"

#include "DailyViews.h"
#include "OEmbedClient.h"
#include "VideoFeeds.h"
#include "VideoStats.h"
#include "VideoStore.h"

namespace killrvideo::catalog {

struct CatalogServices {
  explicit CatalogServices(plugin::HostServices& host_services)
      : host(host_services),
        videos(host_services.data()),
        feeds(host_services.data()),
        stats(host_services.data()),
        daily_views(host_services.data()),
        oembed(oembed_settings_from(host_services.config())) {}

  plugin::HostServices& host;
  VideoStore videos;
  VideoFeeds feeds;
  VideoStats stats;
  DailyViews daily_views;
  OEmbedClient oembed;
};

}  // namespace killrvideo::catalog
