// The entry point the host looks up: the plugin's descriptor (design §2). Nothing else belongs here.
#include "killrvideo/plugin/PluginExport.h"

#include "RecommendationsPlugin.h"

KILLRVIDEO_PLUGIN(killrvideo::recommendations::RecommendationsPlugin, "recommendations", "1.0.0")
