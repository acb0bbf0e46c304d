#include "VideoModeration.h"

#include "killrvideo/plugin/EventFields.h"
#include "killrvideo/plugin/Responses.h"
#include "killrvideo/plugin/data/DataApiError.h"
#include "killrvideo/plugin/data/Filter.h"
#include "killrvideo/plugin/data/Update.h"

#include "CatalogTables.h"
#include "UtcTime.h"
#include "VideoJson.h"

namespace killrvideo::catalog {

using plugin::data::Filter;

namespace {

constexpr const char* kVideoContentType = "video";

}  // namespace

VideoModeration::VideoModeration(CatalogServices& catalog)
    : catalog_(catalog), removals_(catalog.host.data(), kVideoRemovalsCollection) {}

void VideoModeration::register_with(plugin::Registrar& registrar) {
  registrar.route(plugin::Method::Post, "/api/v1/moderation/videos/{videoId:uuid}/restore", plugin::Access::Moderator,
                  [this](const plugin::Request& request) { return restore_route(request); });
  registrar.subscribe(kContentRemovedTopic, [this](const std::string&, const nlohmann::json& event) {
    on_event(event, kContentRemovedTopic, true);
  });
  registrar.subscribe(kContentRestoredTopic, [this](const std::string&, const nlohmann::json& event) {
    on_event(event, kContentRestoredTopic, false);
  });
}

plugin::Response VideoModeration::restore_route(const plugin::Request& request) const {
  const std::string video_id(request.path_param("videoId").value_or(""));
  const bool exists = catalog_.videos.find(video_id).has_value();
  if (exists) restore(video_id, request.principal()->user_id);
  return plugin::json_response(
      200, {{"content_id", video_id}, {"content_type", "video"}, {"status_message", exists ? "initiated" : "failed"}});
}

bool VideoModeration::remove(const std::string& video_id, const std::string& moderator_id) const {
  const auto video = catalog_.videos.find(video_id);
  if (!video) return false;
  const std::string now = iso_timestamp(catalog_.host.clock().now_ms());
  try {
    removals_.insert_one(
        {{"_id", video_id}, {"moderatorId", moderator_id}, {"removedAt", now}, {"previousStatus", status_of(*video)}});
  } catch (const plugin::data::DataApiError& error) {
    if (error.error_code() == "DOCUMENT_ALREADY_EXISTS") return false;  // removed already, by this or another caller
    throw;
  }
  catalog_.videos.update(video_id, plugin::data::TableUpdate().set("status", kStatusRemoved));
  catalog_.feeds.remove(*video);
  announce(kVideoRemovedTopic, video_id, moderator_id);
  return true;
}

bool VideoModeration::restore(const std::string& video_id, const std::string& moderator_id) const {
  const auto removal = removals_.find_one(Filter().eq("_id", video_id));
  if (!removal || removals_.delete_one(Filter().eq("_id", video_id)) == 0) return false;
  catalog_.videos.update(video_id,
                         plugin::data::TableUpdate().set("status", removal->value("previousStatus", std::string(kStatusReady))));
  if (const auto video = catalog_.videos.find(video_id)) catalog_.feeds.add(*video);
  announce(kVideoRestoredTopic, video_id, moderator_id);
  return true;
}

void VideoModeration::on_event(const nlohmann::json& event, const char* topic, bool removal) const {
  if (plugin::event_text(event, topic, "contentType") != kVideoContentType) return;
  const std::string video_id = plugin::event_uuid(event, topic, "contentId");
  const std::string moderator_id = plugin::optional_event_text(event, "moderatorId").value_or("");
  if (removal) {
    remove(video_id, moderator_id);
  } else {
    restore(video_id, moderator_id);
  }
}

void VideoModeration::announce(const char* topic, const std::string& video_id, const std::string& moderator_id) const {
  catalog_.host.events().publish(topic, {{"videoId", video_id},
                                         {"moderatorId", moderator_id.empty() ? nlohmann::json() : nlohmann::json(moderator_id)},
                                         {"at", iso_timestamp(catalog_.host.clock().now_ms())}});
}

}  // namespace killrvideo::catalog
