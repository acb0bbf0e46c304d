// The entry point the host looks up: the plugin's descriptor (design §2). Nothing else belongs here.
#include "killrvideo/plugin/PluginExport.h"

#include "ModerationPlugin.h"

KILLRVIDEO_PLUGIN(killrvideo::moderation::ModerationPlugin, "moderation", "1.0.0")
