// The entry point the host looks up: the plugin's descriptor (design §2). Nothing else belongs here.
#include "killrvideo/plugin/PluginExport.h"

#include "AccountsPlugin.h"

KILLRVIDEO_PLUGIN(killrvideo::accounts::AccountsPlugin, "accounts", "1.0.0")
