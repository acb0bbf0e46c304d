#include "RecommendationsPlugin.h"

#include "RecommendationsTables.h"

namespace killrvideo::recommendations {

RecommendationsPlugin::RecommendationsPlugin(plugin::HostServices& host)
    : services_(host),
      related_(services_),
      for_you_(services_),
      ingest_(services_),
      engagement_(host, services_.preferences) {}

void RecommendationsPlugin::register_with(plugin::Registrar& registrar) {
  declare_tables(registrar, services_.host.embedder().dimension());
  related_.register_with(registrar);
  for_you_.register_with(registrar);
  ingest_.register_with(registrar);
  engagement_.register_with(registrar);
}

}  // namespace killrvideo::recommendations
