#pragma once
// One of each registration a domain plugin makes: a route, an owned table, an event subscription.
//
//   GET /api/v1/@PLUGIN_NAME@/videos/{videoId}  →  {"greeting": "...", "videoId": "...", "lastViewedAt": "..." | null}
//
// It remembers when each video was last viewed (the catalog publishes video.viewed) in its own table,
// @PLUGIN_NAME@_last_views, and answers with that time.

#include <string>

#include "killrvideo/plugin/HostServices.h"
#include "killrvideo/plugin/Plugin.h"
#include "killrvideo/plugin/Registrar.h"

namespace @PLUGIN_NAME@ {

inline constexpr const char* kLastViewsTable = "@PLUGIN_NAME@_last_views";
inline constexpr const char* kVideoViewedTopic = "video.viewed";

class @PLUGIN_CLASS@Plugin final : public killrvideo::plugin::Plugin {
 public:
  // Throws std::invalid_argument when config.greeting is not a string: a config mistake stops start-up.
  explicit @PLUGIN_CLASS@Plugin(killrvideo::plugin::HostServices& host);

  void register_with(killrvideo::plugin::Registrar& registrar) override;

 private:
  killrvideo::plugin::Response last_view(const killrvideo::plugin::Request& request) const;
  void remember_view(const nlohmann::json& event) const;

  killrvideo::plugin::HostServices& host_;
  std::string greeting_;
};

}  // namespace @PLUGIN_NAME@
