#pragma once
// At start-up, creates every table (with its indexes) and collection that the enabled plugins declare,
// on the active backend, idempotently (ifNotExists). Runs before any plugin starts.

#include <vector>

#include "killrvideo/plugin/HostServices.h"
#include "plugins/Registration.h"

namespace killrvideo::host {

// `backend` is the unscoped seam. Throws StartupError naming the plugin, the object and the Data API error.
void create_declared_schema(plugin::DataClient& backend, const std::vector<Registration>& registrations);

}  // namespace killrvideo::host
