// The entry point the host looks up: the plugin's descriptor (design §2). Nothing else belongs here.
#include "killrvideo/plugin/PluginExport.h"

#include "CatalogPlugin.h"

KILLRVIDEO_PLUGIN(killrvideo::catalog::CatalogPlugin, "catalog", "1.0.0")
