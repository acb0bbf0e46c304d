#include "CounterRepair.h"

#include "ModerationTables.h"

namespace killrvideo::moderation {

void CounterRepair::register_with(plugin::Registrar& registrar) {
  registrar.recount(kFlagCountsCollection, [this](const plugin::CorrectionLog& correct) {
    services_.queue.reconcile(services_.flags.all(), correct);
  });
  registrar.recount(kAuditCountsCollection,
                    [this](const plugin::CorrectionLog& correct) { services_.audit.recount(correct); });
}

}  // namespace killrvideo::moderation
