#pragma once
#include <string>

#include "killrvideo/plugin/Abi.h"

namespace killrvideo::host {

// Checks a plugin's descriptor against this host before anything in the plugin is called (design §2.2).
// Returns "" when the plugin may load, else one line with what differs (the host's and the plugin's values)
// and how to rebuild the plugin so that it loads.
std::string check_descriptor(const plugin::PluginDescriptor& descriptor);

// The host's own fingerprint, computed where the host is compiled.
const char* host_fingerprint() noexcept;

}  // namespace killrvideo::host
