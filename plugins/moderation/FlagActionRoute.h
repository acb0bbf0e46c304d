#pragma once
// #31 act on a flag (moderator): the flag's status changes once — of two moderators acting at once,
// exactly one wins and the other gets 400 `Flag already resolved`. The change moves the flag between
// status queues and is written to the audit trail; approving asks the content's owner to remove it
// (`moderation.content_removed`) — this plugin never writes another plugin's tables.

#include "killrvideo/plugin/Http.h"
#include "killrvideo/plugin/Registrar.h"

#include "ModerationServices.h"

namespace killrvideo::moderation {

inline constexpr std::size_t kMaxModeratorNotesLength = 1000;

class FlagActionRoute {
 public:
  explicit FlagActionRoute(ModerationServices& services) : services_(services) {}

  void register_with(plugin::Registrar& registrar);

 private:
  plugin::Response act(const plugin::Request& request) const;
  void follow_up(const Flag& before, const Flag& after) const;

  ModerationServices& services_;
};

}  // namespace killrvideo::moderation
