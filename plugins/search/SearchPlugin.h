#pragma once
// The search domain (design §5): #19 search videos (semantic and keyword) and #20 tag suggestions.
// Owns `video_text`, `tag_grams` and `tag_counts`, kept from the catalog's video events; reads the
// catalog's `videos` (ANN, result cards) and `video_stats`.

#include "killrvideo/plugin/HostServices.h"
#include "killrvideo/plugin/Plugin.h"
#include "killrvideo/plugin/Registrar.h"

#include "SearchRepair.h"
#include "SearchRoutes.h"
#include "SearchServices.h"

namespace killrvideo::search {

class SearchPlugin final : public plugin::Plugin {
 public:
  explicit SearchPlugin(plugin::HostServices& host);

  void register_with(plugin::Registrar& registrar) override;

 private:
  SearchServices services_;
  SearchRoutes routes_;
  SearchRepair repair_;
};

}  // namespace killrvideo::search
