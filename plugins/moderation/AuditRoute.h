#pragma once
// GET /moderation/audit?contentId=&page&pageSize (moderator): the audit trail of one video or comment,
// newest first, with an exact total (README: Routes).

#include "killrvideo/plugin/Http.h"
#include "killrvideo/plugin/Registrar.h"

#include "ModerationServices.h"

namespace killrvideo::moderation {

class AuditRoute {
 public:
  explicit AuditRoute(ModerationServices& services) : services_(services) {}

  void register_with(plugin::Registrar& registrar);

 private:
  plugin::Response list(const plugin::Request& request) const;

  ModerationServices& services_;
};

}  // namespace killrvideo::moderation
