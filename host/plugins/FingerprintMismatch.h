#pragma once
#include <string>
#include <string_view>

namespace killrvideo::host {

// Compares the host's and a plugin's KILLRVIDEO_PLUGIN_FINGERPRINT field by field and says, for each
// field that differs, what it is, both values and how to rebuild the plugin so that it matches — so that a
// plugin author reads the fix instead of diffing two long strings. "" when they are equal.
std::string explain_fingerprint_mismatch(std::string_view host, std::string_view plugin);

}  // namespace killrvideo::host
