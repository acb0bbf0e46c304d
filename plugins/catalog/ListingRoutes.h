#pragma once
// Lists of videos: latest (#11), by tag (#12), by uploader (#13) — pages with exact totals — and
// trending (#17), ranked by views inside a window of days.

#include <vector>

#include <nlohmann/json.hpp>

#include "killrvideo/plugin/Http.h"
#include "killrvideo/plugin/Registrar.h"
#include "killrvideo/plugin/Validation.h"

#include "CatalogServices.h"

namespace killrvideo::catalog {

inline constexpr const char* kBadIntervalDetail = "interval_days must be one of 1, 7 or 30";

class ListingRoutes {
 public:
  explicit ListingRoutes(CatalogServices& catalog) : catalog_(catalog) {}

  void register_with(plugin::Registrar& registrar);

  plugin::Response latest(const plugin::Request& request) const;
  plugin::Response by_tag(const plugin::Request& request) const;
  plugin::Response by_uploader(const plugin::Request& request) const;
  plugin::Response trending(const plugin::Request& request) const;

 private:
  // A feed's page, read in full, in the pagination envelope.
  template <class ReadFeed>
  nlohmann::json page_of(const plugin::PageRequest& page, ReadFeed read_feed) const;
  nlohmann::json summaries(const std::vector<std::string>& video_ids) const;

  CatalogServices& catalog_;
};

}  // namespace killrvideo::catalog
