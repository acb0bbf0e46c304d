// The entry point the host looks up: the plugin's descriptor (design §2). Nothing else belongs here.
#include "killrvideo/plugin/PluginExport.h"

#include "ExamplePlugin.h"

KILLRVIDEO_PLUGIN(killrvideo::example::ExamplePlugin, "example", "1.0.0")
