#pragma once
// killrvideo-load --recount for the catalog: the listings' counts (FeedCounts) are rebuilt from the rows
// of the listing tables, and every count that differed is overwritten and reported.

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
