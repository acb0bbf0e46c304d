#pragma once
// One video by id: details (#8), status (#7), update (#9) and recording a view (#10).

#include "killrvideo/plugin/Http.h"
#include "killrvideo/plugin/Registrar.h"

#include "CatalogServices.h"

namespace killrvideo::catalog {

inline constexpr const char* kVideoNotFoundDetail = "Video not found";
inline constexpr const char* kVideoNotAvailableDetail = "Video not found or not available";
inline constexpr const char* kNoStatusPermissionDetail = "User does not have permission to view status of this video";
inline constexpr const char* kNoModifyPermissionDetail = "User does not have permission to modify this video";
inline constexpr const char* kNoViewPermissionDetail = "User does not have permission to view this video";
inline constexpr const char* kAnonymousUserId = "00000000-0000-0000-0000-000000000000";
inline constexpr const char* kVideoViewedTopic = "video.viewed";

class VideoRoutes {
 public:
  explicit VideoRoutes(CatalogServices& catalog) : catalog_(catalog) {}

  void register_with(plugin::Registrar& registrar);

  plugin::Response details(const plugin::Request& request) const;
  plugin::Response status(const plugin::Request& request) const;
  plugin::Response update(const plugin::Request& request) const;
  plugin::Response record_view(const plugin::Request& request) const;

 private:
  Row existing_video(const plugin::Request& request) const;
  // video.viewed: a failing subscriber is logged by the host and never fails the view.
  void publish_view(const std::string& video_id, const plugin::Principal* viewer, std::int64_t now_ms) const;

  CatalogServices& catalog_;
};

}  // namespace killrvideo::catalog
