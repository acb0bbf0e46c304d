#include "CatalogPlugin.h"

#include "CatalogTables.h"
#include "EmbeddingSubscriber.h"
#include "RatingSubscriber.h"

namespace killrvideo::catalog {

CatalogPlugin::CatalogPlugin(plugin::HostServices& host)
    : catalog_(host),
      submissions_(catalog_),
      videos_(catalog_),
      listings_(catalog_),
      moderation_(catalog_),
      importers_(catalog_),
      repair_(catalog_) {}

void CatalogPlugin::register_with(plugin::Registrar& registrar) {
  declare_tables(registrar, catalog_.host.embedder());
  submissions_.register_with(registrar);
  videos_.register_with(registrar);
  listings_.register_with(registrar);
  moderation_.register_with(registrar);
  importers_.register_with(registrar);
  repair_.register_with(registrar);
  registrar.subscribe(kVideoRatedTopic, [this](const std::string&, const nlohmann::json& payload) {
    apply_rating_event(catalog_.stats, payload);
  });
  registrar.subscribe(kEmbeddingIngestedTopic, [this](const std::string&, const nlohmann::json& payload) {
    apply_embedding_event(catalog_.videos, catalog_.host.embedder().dimension(), payload);
  });
}

}  // namespace killrvideo::catalog
