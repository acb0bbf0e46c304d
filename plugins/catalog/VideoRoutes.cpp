#include "VideoRoutes.h"


#include "killrvideo/plugin/BodyReader.h"
#include "killrvideo/plugin/Errors.h"
#include "killrvideo/plugin/Responses.h"
#include "killrvideo/plugin/data/Vectors.h"

#include "ContentEmbedding.h"
#include "UtcTime.h"
#include "TagRules.h"
#include "VideoEvents.h"
#include "VideoJson.h"
#include "VideoModeration.h"

namespace killrvideo::catalog {

namespace {

using plugin::Principal;

inline constexpr std::size_t kMinTitleLength = 3;
inline constexpr std::size_t kMaxTitleLength = 100;
inline constexpr std::size_t kMaxDescriptionLength = 2000;

// "Is moderator" inside handlers is the literal role, without the gate's expansion (api-contract §1.5).
bool is_moderator(const Principal* caller) { return caller != nullptr && caller->has_role("moderator"); }

bool owns(const Principal* caller, const Row& video) { return caller != nullptr && caller->user_id == owner_of(video); }

const Principal& caller_of(const plugin::Request& request) {
  const Principal* caller = request.principal();
  if (caller == nullptr) throw plugin::Unauthorized("Not authenticated");
  return *caller;
}

struct VideoChanges {
  std::optional<std::string> title;
  std::optional<std::string> description;
  std::optional<std::vector<std::string>> tags;

  bool empty() const { return !title && !description && !tags; }
};

VideoChanges read_changes(const plugin::Request& request) {
  plugin::BodyReader body(request);
  VideoChanges changes;
  changes.title = body.string("title", kMinTitleLength, kMaxTitleLength, plugin::Presence::Optional);
  changes.description = body.string("description", 0, kMaxDescriptionLength, plugin::Presence::Optional);
  changes.tags = body.string_list("tags", plugin::Presence::Optional);
  body.finish();
  if (changes.tags) {
    auto issues = tag_issues(*changes.tags);
    if (!issues.empty()) throw plugin::ValidationError(std::move(issues));
  }
  return changes;
}

std::string text_column(const Row& video, const char* name) {
  const auto value = video.find(name);
  return value != video.end() && value->is_string() ? value->get<std::string>() : "";
}

std::vector<std::string> tags_column(const Row& video) {
  const auto value = video.find("tags");
  return value != video.end() && value->is_array() ? value->get<std::vector<std::string>>() : std::vector<std::string>{};
}

}  // namespace

void VideoRoutes::register_with(plugin::Registrar& registrar) {
  // Optional rather than public: moderators still see a removed video.
  registrar.route(plugin::Method::Get, "/api/v1/videos/id/{videoId:uuid}", plugin::Access::Optional,
                  [this](const plugin::Request& request) { return details(request); });
  registrar.route(plugin::Method::Get, "/api/v1/videos/id/{videoId:uuid}/status", plugin::Access::AnyAuth,
                  [this](const plugin::Request& request) { return status(request); });
  registrar.route(plugin::Method::Put, "/api/v1/videos/id/{videoId:uuid}", plugin::Access::AnyAuth,
                  [this](const plugin::Request& request) { return update(request); });
  registrar.route(plugin::Method::Post, "/api/v1/videos/id/{videoId:uuid}/view", plugin::Access::Optional,
                  [this](const plugin::Request& request) { return record_view(request); });
}

Row VideoRoutes::existing_video(const plugin::Request& request) const {
  auto video = catalog_.videos.find(std::string(request.path_param("videoId").value_or("")));
  // A video removed by moderation exists for moderators only.
  if (!video || (status_of(*video) == kStatusRemoved && !is_moderator(request.principal()))) {
    throw plugin::NotFound(kVideoNotFoundDetail);
  }
  return std::move(*video);
}

plugin::Response VideoRoutes::details(const plugin::Request& request) const {
  const Row video = existing_video(request);
  return plugin::json_response(200, video_detail(video, catalog_.stats.of(video.at("videoid").get<std::string>())));
}

plugin::Response VideoRoutes::status(const plugin::Request& request) const {
  const Principal& caller = caller_of(request);
  const Row video = existing_video(request);
  const bool owning_creator = caller.has_role("creator") && owns(&caller, video);
  if (!owning_creator && !is_moderator(&caller)) throw plugin::Forbidden(kNoStatusPermissionDetail);
  return plugin::json_response(200, {{"videoId", video.at("videoid")}, {"status", status_of(video)}});
}

plugin::Response VideoRoutes::update(const plugin::Request& request) const {
  const Principal& caller = caller_of(request);
  const VideoChanges changes = read_changes(request);
  const Row video = existing_video(request);
  if (!owns(&caller, video) && !is_moderator(&caller)) throw plugin::Forbidden(kNoModifyPermissionDetail);
  const std::string video_id = video.at("videoid").get<std::string>();
  if (!changes.empty()) {
    plugin::data::TableUpdate update;
    if (changes.title) update.set("name", *changes.title);
    if (changes.description) update.set("description", *changes.description);
    if (changes.tags) {
      update.set("tags", *changes.tags);
      // A removed video is in no listing; it takes its tags' rows when it is restored.
      if (status_of(video) != kStatusRemoved) catalog_.feeds.retag(video, *changes.tags);
    }
    update.set("updated_at", iso_timestamp(catalog_.host.clock().now_ms()));
    // The vector describes title, description and tags; it follows them when they change.
    const auto features = content_features(catalog_.host.embedder(), catalog_.host.log(),
                                           changes.title.value_or(text_column(video, "name")),
                                           changes.description.value_or(text_column(video, "description")),
                                           changes.tags.value_or(tags_column(video)));
    if (features) update.set("content_features", *features);
    catalog_.videos.update(video_id, update);
  }
  const Row updated = existing_video(request);
  if (!changes.empty()) publish_video_event(catalog_.host, kVideoUpdatedTopic, updated);
  return plugin::json_response(200, video_detail(updated, catalog_.stats.of(video_id)));
}

plugin::Response VideoRoutes::record_view(const plugin::Request& request) const {
  const Row video = existing_video(request);
  const Principal* viewer = request.principal();
  if (status_of(video) != kStatusReady) {
    if (viewer != nullptr && !owns(viewer, video) && !is_moderator(viewer)) {
      throw plugin::Forbidden(kNoViewPermissionDetail);
    }
    throw plugin::NotFound(kVideoNotAvailableDetail);
  }
  const std::string video_id = video.at("videoid").get<std::string>();
  const std::int64_t now_ms = catalog_.host.clock().now_ms();
  catalog_.stats.add_view(video_id);
  catalog_.daily_views.add_view(utc_day(now_ms), video_id);
  publish_view(video_id, viewer, now_ms);
  return plugin::no_content();
}

void VideoRoutes::publish_view(const std::string& video_id, const Principal* viewer, std::int64_t now_ms) const {
  // The bus never throws and a failing subscriber never reaches us (design §5).
  catalog_.host.events().publish(kVideoViewedTopic, {{"videoId", video_id},
                                                     {"userId", viewer != nullptr ? viewer->user_id : kAnonymousUserId},
                                                     {"viewedAt", iso_timestamp(now_ms)}});
}

}  // namespace killrvideo::catalog
