#include "ModerationPlugin.h"

#include "ModerationTables.h"

namespace killrvideo::moderation {

ModerationPlugin::ModerationPlugin(plugin::HostServices& host)
    : services_(host), flags_(services_), action_(services_), audit_(services_), removals_(services_), repair_(services_) {}

void ModerationPlugin::register_with(plugin::Registrar& registrar) {
  declare_tables(registrar);
  flags_.register_with(registrar);
  action_.register_with(registrar);
  audit_.register_with(registrar);
  removals_.register_with(registrar);
  repair_.register_with(registrar);
}

}  // namespace killrvideo::moderation
