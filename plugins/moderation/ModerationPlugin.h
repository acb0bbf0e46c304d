#pragma once
// The moderation domain (design §5, api-contract §4.6): viewers flag videos and comments, moderators
// work a queue of flags and decide; an approved flag asks the content's owner to remove it; an
// append-only audit trail records every decision, removal and restore.

#include "killrvideo/plugin/HostServices.h"
#include "killrvideo/plugin/Plugin.h"
#include "killrvideo/plugin/Registrar.h"

#include "AuditRoute.h"
#include "CounterRepair.h"
#include "FlagActionRoute.h"
#include "FlagRoutes.h"
#include "ModerationServices.h"
#include "RemovalAudit.h"

namespace killrvideo::moderation {

class ModerationPlugin final : public plugin::Plugin {
 public:
  explicit ModerationPlugin(plugin::HostServices& host);

  void register_with(plugin::Registrar& registrar) override;

 private:
  ModerationServices services_;
  FlagRoutes flags_;
  FlagActionRoute action_;
  AuditRoute audit_;
  RemovalAudit removals_;
  CounterRepair repair_;
};

}  // namespace killrvideo::moderation
