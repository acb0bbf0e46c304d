#include "CommentsRatingsPlugin.h"

#include "CommentsRatingsTables.h"

namespace killrvideo::comments_ratings {

CommentsRatingsPlugin::CommentsRatingsPlugin(plugin::HostServices& host)
    : services_(host), comments_(services_), ratings_(services_), moderation_(services_), importers_(services_), repair_(services_) {}

void CommentsRatingsPlugin::register_with(plugin::Registrar& registrar) {
  declare_tables(registrar);
  comments_.register_with(registrar);
  ratings_.register_with(registrar);
  moderation_.register_with(registrar);
  importers_.register_with(registrar);
  repair_.register_with(registrar);
}

}  // namespace killrvideo::comments_ratings
