#pragma once
// What every route group of the catalog works with: the host's services and the catalog's stores.

#include "killrvideo/plugin/HostServices.h"

#include "OEmbedClient.h"
#include "VideoActivity.h"
#include "VideoStats.h"
#include "VideoStore.h"

namespace killrvideo::catalog {

struct CatalogServices {
  explicit CatalogServices(plugin::HostServices& host_services)
      : host(host_services),
        videos(host_services.data(), host_services.log()),
        stats(host_services.data()),
        activity(host_services.data()),
        oembed(oembed_settings_from(host_services.config())) {}

  plugin::HostServices& host;
  VideoStore videos;
  VideoStats stats;
  VideoActivity activity;
  OEmbedClient oembed;
};

}  // namespace killrvideo::catalog
