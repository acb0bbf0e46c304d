#pragma once
// The sample data sets the catalog owns, fed by killrvideo-load (column → text as in the CSV file); videos
// come in batches, so their embeddings take one provider request and their writes a few commands. Every
// importer is idempotent: a re-run writes the same keys with the same values and moves no count.

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

  // videos_cleaned.csv → videos (status READY, youtube id from location, embedded) and the listings,
  // then a video.added (or video.updated) event per new (or re-described) video. One failure per row.
  std::vector<std::string> import_videos(const std::vector<plugin::ImportRow>& rows) const;
  // video_playback_stats.csv → video_stats.views set to the file's value.
  void import_playback_stats(const plugin::ImportRow& row) const;

 private:
  struct ParsedVideo {
    std::size_t row;      // index in the batch
    Row video;            // the `videos` row to write
    std::string content;  // what is embedded
  };
  // Lookups of stored videos take at most this many ids (the Data API's $in limit).
  static constexpr std::size_t kIdsPerLookup = 100;

  static ParsedVideo parse_video(const plugin::ImportRow& row, std::size_t index);
  void embed_all(std::vector<ParsedVideo>& parsed) const;
  // Rows with distinct ids: read what is stored of them, write them, move their listings, publish.
  void store_run(std::vector<ParsedVideo> run, std::vector<std::string>& failures) const;
  void write_videos(const std::vector<ParsedVideo>& run, std::vector<std::string>& failures) const;

  CatalogServices& catalog_;
};

}  // namespace killrvideo::catalog
