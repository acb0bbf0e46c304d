#pragma once
// The recounts of killrvideo-load --recount: `flag_queue` rows and `flag_counts` from the flags in
// `content_moderation` (the record of every flag), `moderation_audit_counts` from the audit rows. Each
// reads whole tables: a maintenance job, never a request path.

#include "killrvideo/plugin/Registrar.h"

#include "ModerationServices.h"

namespace killrvideo::moderation {

class CounterRepair {
 public:
  explicit CounterRepair(ModerationServices& services) : services_(services) {}

  void register_with(plugin::Registrar& registrar);

 private:
  ModerationServices& services_;
};

}  // namespace killrvideo::moderation
