#pragma once
// The smallest complete plugin: public and authenticated routes, an owned table read and written through
// the SDK's data helpers, and an event subscription.

#include <atomic>
#include <cstdint>
#include <string>

#include "killrvideo/plugin/HostServices.h"
#include "killrvideo/plugin/Plugin.h"
#include "killrvideo/plugin/Registrar.h"

#include "ExampleNotes.h"
#include "ExampleRoutes.h"

namespace killrvideo::example {

inline constexpr const char* kVideoViewedTopic = "video.viewed";

class ExamplePlugin final : public plugin::Plugin {
 public:
  // Throws std::invalid_argument when `greeting` in the plugin's config is not a string: a config
  // mistake must stop start-up, not surface as odd responses later.
  explicit ExamplePlugin(plugin::HostServices& host);

  void register_with(plugin::Registrar& registrar) override;

 private:
  // Written by the event bus, read by request handlers on other worker threads.
  std::atomic<std::int64_t> views_seen_{0};
  ExampleRoutes routes_;
  ExampleNotes notes_;
};

}  // namespace killrvideo::example
