// The plugin's only exported symbol: its descriptor (design §2).
#include "killrvideo/plugin/PluginExport.h"

#include "ExamplePlugin.h"

KILLRVIDEO_PLUGIN(killrvideo::example::ExamplePlugin, "example", "1.0.0")
