#pragma once
// Flags: #28 flag content (viewer), #29 the moderator's queue, #30 one flag (api-contract §4.6).

#include "killrvideo/plugin/Http.h"
#include "killrvideo/plugin/Registrar.h"

#include "ModerationServices.h"

namespace killrvideo::moderation {

inline constexpr std::size_t kMaxReasonTextLength = 500;

class FlagRoutes {
 public:
  explicit FlagRoutes(ModerationServices& services) : services_(services) {}

  void register_with(plugin::Registrar& registrar);

 private:
  plugin::Response create_route(const plugin::Request& request) const;
  plugin::Response list_route(const plugin::Request& request) const;
  plugin::Response detail_route(const plugin::Request& request) const;

  ModerationServices& services_;
};

}  // namespace killrvideo::moderation
