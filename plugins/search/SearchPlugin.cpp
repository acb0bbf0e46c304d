#include "SearchPlugin.h"

#include "SearchTables.h"

namespace killrvideo::search {

SearchPlugin::SearchPlugin(plugin::HostServices& host) : services_(host), routes_(services_), repair_(services_) {}

void SearchPlugin::register_with(plugin::Registrar& registrar) {
  declare_tables(registrar);
  routes_.register_with(registrar);
  services_.indexer.register_with(registrar);
  repair_.register_with(registrar);
}

}  // namespace killrvideo::search
