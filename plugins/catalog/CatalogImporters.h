#pragma once
// The sample data sets the catalog owns, fed row by row by killrvideo-load (column → text as in the
// CSV file). Every importer is idempotent: a re-run writes the same keys with the same values.

#include <optional>
#include <string>
#include <vector>

#include "killrvideo/plugin/Registrar.h"

#include "CatalogServices.h"

namespace killrvideo::catalog {

inline constexpr const char* kVideosDataset = "videos";
inline constexpr const char* kPlaybackStatsDataset = "video_playback_stats";

// A CQL-style set literal of double-quoted strings: {"astra","datastax"}; "" and {} are empty.
// Throws std::invalid_argument for anything else.
std::vector<std::string> parse_tag_set(const std::string& literal);

class CatalogImporters {
 public:
  explicit CatalogImporters(CatalogServices& catalog) : catalog_(catalog) {}

  void register_with(plugin::Registrar& registrar);

  // videos_cleaned.csv → videos (status READY, youtube id from location, embedded) and the listings.
  void import_video(const plugin::ImportRow& row) const;
  // video_playback_stats.csv → video_stats.views set to the file's value.
  void import_playback_stats(const plugin::ImportRow& row) const;

 private:
  void place_in_feeds(const std::optional<Row>& before, const Row& video) const;

  CatalogServices& catalog_;
};

}  // namespace killrvideo::catalog
