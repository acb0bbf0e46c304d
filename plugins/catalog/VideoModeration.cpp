#include "VideoModeration.h"

#include <stdexcept>

#include "killrvideo/plugin/Responses.h"
#include "killrvideo/plugin/Validation.h"
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

std::string text_field(const nlohmann::json& event, const char* topic, const char* field) {
  const auto value = event.find(field);
  if (value == event.end() || !value->is_string()) {
    throw std::invalid_argument(std::string(topic) + ": `" + field + "` must be a string: " + event.dump());
  }
  return value->get<std::string>();
}

std::string moderator_of(const nlohmann::json& event) {
  const auto value = event.find("moderatorId");
  return value != event.end() && value->is_string() ? value->get<std::string>() : "";
}

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
  if (text_field(event, topic, "contentType") != kVideoContentType) return;
  const std::string video_id = text_field(event, topic, "contentId");
  if (!plugin::is_canonical_uuid(video_id)) throw std::invalid_argument(std::string(topic) + ": contentId is not a UUID");
  if (removal) {
    remove(video_id, moderator_of(event));
  } else {
    restore(video_id, moderator_of(event));
  }
}

void VideoModeration::announce(const char* topic, const std::string& video_id, const std::string& moderator_id) const {
  catalog_.host.events().publish(topic, {{"videoId", video_id},
                                         {"moderatorId", moderator_id.empty() ? nlohmann::json() : nlohmann::json(moderator_id)},
                                         {"at", iso_timestamp(catalog_.host.clock().now_ms())}});
}

}  // namespace killrvideo::catalog
