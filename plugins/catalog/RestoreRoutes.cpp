#include "RestoreRoutes.h"

#include <nlohmann/json.hpp>

#include "killrvideo/plugin/Responses.h"

namespace killrvideo::catalog {

void RestoreRoutes::register_with(plugin::Registrar& registrar) {
  registrar.route(plugin::Method::Post, "/api/v1/moderation/videos/{videoId:uuid}/restore", plugin::Access::Moderator,
                  [this](const plugin::Request& request) { return restore(request); });
}

plugin::Response RestoreRoutes::restore(const plugin::Request& request) const {
  const std::string video_id(request.path_param("videoId").value_or(""));
  const bool exists = catalog_.videos.find(video_id).has_value();
  return plugin::json_response(
      200, {{"content_id", video_id}, {"content_type", "video"}, {"status_message", exists ? "initiated" : "failed"}});
}

}  // namespace killrvideo::catalog
