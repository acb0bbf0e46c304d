#pragma once
// POST /moderation/videos/{videoId}/restore (#35): nothing is ever soft-deleted, so restoring only
// reports whether the video exists (api-contract §4.6).

#include "killrvideo/plugin/Http.h"
#include "killrvideo/plugin/Registrar.h"

#include "CatalogServices.h"

namespace killrvideo::catalog {

class RestoreRoutes {
 public:
  explicit RestoreRoutes(CatalogServices& catalog) : catalog_(catalog) {}

  void register_with(plugin::Registrar& registrar);
  plugin::Response restore(const plugin::Request& request) const;

 private:
  CatalogServices& catalog_;
};

}  // namespace killrvideo::catalog
