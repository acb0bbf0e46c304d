// The entry point the host looks up: the plugin's descriptor (design §2). Nothing else belongs here.
#include "killrvideo/plugin/PluginExport.h"

#include "SearchPlugin.h"

KILLRVIDEO_PLUGIN(killrvideo::search::SearchPlugin, "search", "1.0.0")
