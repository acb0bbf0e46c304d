#pragma once
// The plugin config block `oembed: { enabled, url, timeout_ms }`. Absent means disabled: a server that
// must run offline never reaches out to YouTube unless told to.

#include <string>

#include <nlohmann/json_fwd.hpp>

namespace killrvideo::catalog {

inline constexpr const char* kDefaultOEmbedUrl = "https://www.youtube.com/oembed";
inline constexpr long kDefaultOEmbedTimeoutMs = 3000;

struct OEmbedSettings {
  bool enabled = false;
  std::string url = kDefaultOEmbedUrl;
  long timeout_ms = kDefaultOEmbedTimeoutMs;
};

// Throws std::invalid_argument naming the key when a value has the wrong type or range, so a config
// mistake stops start-up.
OEmbedSettings oembed_settings_from(const nlohmann::json& plugin_config);

}  // namespace killrvideo::catalog
