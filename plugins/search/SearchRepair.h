#pragma once
// The recount of killrvideo-load --recount: the search rows made to match the catalog's videos again,
// then every tag's count recomputed from the search rows, and its pieces written (or cleared at zero).

#include "killrvideo/plugin/Registrar.h"

#include "SearchServices.h"

namespace killrvideo::search {

class SearchRepair {
 public:
  explicit SearchRepair(SearchServices& services) : services_(services) {}

  void register_with(plugin::Registrar& registrar);
  void run(const plugin::CorrectionLog& correct) const;

 private:
  // Syncs every catalog video, then every search row whose video the catalog no longer has.
  void repair_rows(const plugin::CorrectionLog& correct) const;
  void repair_counts(const plugin::CorrectionLog& correct) const;

  SearchServices& services_;
};

}  // namespace killrvideo::search
