// The entry point the host looks up: the plugin's descriptor (design §2). Nothing else belongs here.
#include "killrvideo/plugin/PluginExport.h"

#include "CommentsRatingsPlugin.h"

KILLRVIDEO_PLUGIN(killrvideo::comments_ratings::CommentsRatingsPlugin, "comments_ratings", "1.0.0")
