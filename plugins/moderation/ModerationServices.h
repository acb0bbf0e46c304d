#pragma once
// What every part of the moderation plugin works with: the host's services and the plugin's stores.

#include "killrvideo/plugin/HostServices.h"

#include "AuditTrail.h"
#include "ContentLookup.h"
#include "FlagQueue.h"
#include "FlagStore.h"

namespace killrvideo::moderation {

struct ModerationServices {
  explicit ModerationServices(plugin::HostServices& host_services)
      : host(host_services),
        flags(host_services.data()),
        queue(host_services.data()),
        audit(host_services.data()),
        content(host_services.data()) {}

  plugin::HostServices& host;
  FlagStore flags;
  FlagQueue queue;
  AuditTrail audit;
  ContentLookup content;
};

}  // namespace killrvideo::moderation
