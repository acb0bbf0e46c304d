#pragma once
// Questions killrvideo-load asks the store before loading, through the data seam.

#include "killrvideo/plugin/HostServices.h"

namespace killrvideo::loader {

// Whether the catalog's `videos` table holds a row. A store without that table (catalog disabled) counts
// as empty. Throws plugin::data::DataApiError when the store cannot answer.
bool store_has_videos(plugin::DataClient& data);

}  // namespace killrvideo::loader
