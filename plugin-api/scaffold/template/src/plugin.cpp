// The plugin's entry point: the one symbol the host looks up. Nothing runs when the library loads.
#include "killrvideo/plugin/PluginExport.h"

#include "@PLUGIN_CLASS@Plugin.h"

KILLRVIDEO_PLUGIN(@PLUGIN_NAME@::@PLUGIN_CLASS@Plugin, "@PLUGIN_NAME@", "0.1.0")
