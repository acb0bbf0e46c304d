#pragma once
// POST /videos (#6) and POST /videos/preview (#18): a YouTube URL becomes a catalog entry, or a title.

#include "killrvideo/plugin/Http.h"
#include "killrvideo/plugin/Registrar.h"

#include "CatalogServices.h"
#include "SubmissionBody.h"

namespace killrvideo::catalog {

inline constexpr const char* kInvalidYouTubeUrlDetail = "Invalid YouTube URL or unable to extract video ID";
inline constexpr const char* kNoMetadataDetail = "Unable to retrieve video metadata from YouTube";
inline constexpr const char* kUntitledVideo = "Untitled Video";

class SubmissionRoutes {
 public:
  explicit SubmissionRoutes(CatalogServices& catalog) : catalog_(catalog) {}

  void register_with(plugin::Registrar& registrar);

  plugin::Response submit(const plugin::Request& request) const;
  plugin::Response preview(const plugin::Request& request) const;

 private:
  Row video_row(const std::string& owner, const std::string& youtube_id, const Submission& submission) const;
  void add_to_feeds(const Row& video) const;

  CatalogServices& catalog_;
};

}  // namespace killrvideo::catalog
