#pragma once
// killrvideo-load --recount for the catalog: the listing tables are made to hold exactly the rows the
// `videos` table calls for, then the listings' counts (`feed_counts`) are rebuilt from those rows; every
// table and count that differed is corrected and reported.

#include "killrvideo/plugin/Registrar.h"

#include "CatalogServices.h"

namespace killrvideo::catalog {

class FeedRepair {
 public:
  explicit FeedRepair(CatalogServices& catalog) : catalog_(catalog) {}

  void register_with(plugin::Registrar& registrar);

 private:
  void recount(const plugin::CorrectionLog& correct) const;

  CatalogServices& catalog_;
};

}  // namespace killrvideo::catalog
