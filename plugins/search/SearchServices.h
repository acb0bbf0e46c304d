#pragma once
// What the route groups, the indexer and the recount share: the host's services, the plugin's stores
// and searches, and the catalog's readers (a card in the results is the card of /videos/latest).

#include "killrvideo/plugin/HostServices.h"

#include "KeywordSearch.h"
#include "SearchSettings.h"
#include "SemanticSearch.h"
#include "TagIndex.h"
#include "VideoIndexer.h"
#include "VideoStats.h"
#include "VideoStore.h"

namespace killrvideo::search {

struct SearchServices {
  explicit SearchServices(plugin::HostServices& host_services)
      : host(host_services),
        settings(search_settings_from(host_services.config())),
        videos(host_services.data()),
        stats(host_services.data()),
        tags(host_services.data()),
        indexer(host_services.data(), tags),
        semantic(host_services.data(), host_services.embedder(), settings.similarity_threshold),
        keyword(host_services.data()) {}

  plugin::HostServices& host;
  SearchSettings settings;
  catalog::VideoStore videos;
  catalog::VideoStats stats;
  TagIndex tags;
  VideoIndexer indexer;
  SemanticSearch semantic;
  KeywordSearch keyword;
};

}  // namespace killrvideo::search
