#include "SubmissionRoutes.h"

#include "killrvideo/plugin/Errors.h"
#include "killrvideo/plugin/Responses.h"
#include "killrvideo/plugin/data/DataApiError.h"
#include "killrvideo/plugin/data/Vectors.h"

#include "ContentEmbedding.h"
#include "SubmissionBody.h"
#include "UtcTime.h"
#include "VideoEvents.h"
#include "VideoJson.h"
#include "YouTubeUrl.h"

namespace killrvideo::catalog {

namespace {

// Videos submitted by URL are YouTube videos (api-contract §5.2); the sample data's embeds use 1.
inline constexpr int kYouTubeLocationType = 0;

std::string youtube_id_or_400(const std::string& url) {
  auto id = extract_youtube_id(url);
  if (!id) throw plugin::BadRequest(kInvalidYouTubeUrlDetail);
  return *id;
}

// What oEmbed says about the video when it is enabled; none when it is not.
std::optional<YouTubeMetadata> fetched_metadata(const OEmbedClient& oembed, const std::string& youtube_id) {
  if (!oembed.enabled()) return std::nullopt;
  try {
    return oembed.fetch(youtube_id);
  } catch (const MetadataFetchError& error) {
    throw plugin::BadGateway(error.what());
  }
}

const plugin::Principal& caller_of(const plugin::Request& request) {
  const plugin::Principal* caller = request.principal();
  if (caller == nullptr) throw plugin::Unauthorized("Not authenticated");
  return *caller;
}

}  // namespace

void SubmissionRoutes::register_with(plugin::Registrar& registrar) {
  registrar.route(plugin::Method::Post, "/api/v1/videos", plugin::Access::Creator,
                  [this](const plugin::Request& request) { return submit(request); });
  registrar.route(plugin::Method::Post, "/api/v1/videos/preview", plugin::Access::Public,
                  [this](const plugin::Request& request) { return preview(request); });
}

Row SubmissionRoutes::video_row(const std::string& owner, const std::string& youtube_id,
                                const Submission& submission) const {
  const auto metadata = fetched_metadata(catalog_.oembed, youtube_id);
  const std::string title = submission.title ? *submission.title : metadata ? metadata->title : kUntitledVideo;
  const std::string thumbnail =
      metadata && metadata->thumbnail_url ? *metadata->thumbnail_url : default_thumbnail_url(youtube_id);
  const std::vector<std::string> tags = submission.tags.value_or(std::vector<std::string>{});
  const std::string now = iso_timestamp(catalog_.host.clock().now_ms());
  Row row = {{"videoid", catalog_.host.ids().uuid4()},
             {"userid", owner},
             {"added_date", now},
             {"name", title},
             {"location", submission.youtube_url},
             {"location_type", kYouTubeLocationType},
             {"preview_image_location", thumbnail},
             {"tags", tags},
             {"status", kStatusReady},
             {"youtube_video_id", youtube_id},
             {"updated_at", now}};
  if (submission.description) row["description"] = *submission.description;
  return row;
}

void SubmissionRoutes::add_to_feeds(const Row& video) const {
  try {
    catalog_.feeds.add(video);
  } catch (const plugin::data::DataApiError& error) {
    // The video itself is stored; only its places in the listings are missing (api-contract §4.2 #6), and
    // killrvideo-load --recount puts the counts right again.
    catalog_.host.log().error("catalog: listing rows failed for " + video.at("videoid").get<std::string>() + ": " +
                              error.what());
  }
}

plugin::Response SubmissionRoutes::submit(const plugin::Request& request) const {
  const plugin::Principal& caller = caller_of(request);
  const Submission submission = read_submission(request);
  const std::string youtube_id = youtube_id_or_400(submission.youtube_url);
  const Row video = video_row(caller.user_id, youtube_id, submission);

  Row stored = video;
  const auto features = content_features(catalog_.host.embedder(), catalog_.host.log(),
                                         video.at("name").get<std::string>(), submission.description.value_or(""),
                                         submission.tags.value_or(std::vector<std::string>{}));
  if (features) stored["content_features"] = *features;
  catalog_.videos.insert_video(stored);
  add_to_feeds(video);
  publish_video_event(catalog_.host, kVideoAddedTopic, video);
  // The response shows the new video as the contract does: no vector yet, no views, no ratings.
  return plugin::json_response(202, video_detail(video, VideoCounters{}));
}

plugin::Response SubmissionRoutes::preview(const plugin::Request& request) const {
  const Submission submission = read_submission(request);
  const std::string youtube_id = youtube_id_or_400(submission.youtube_url);
  if (!catalog_.oembed.enabled()) {
    // The reference's mock: its "no details" id (known_bad_id) has 12 characters, so no extracted
    // 11-character id can reach that branch.
    return plugin::json_response(200, {{"title", "Generic Video " + youtube_id}});
  }
  try {
    return plugin::json_response(200, {{"title", catalog_.oembed.fetch(youtube_id).title}});
  } catch (const MetadataFetchError& error) {
    catalog_.host.log().warn(std::string("catalog: preview without metadata: ") + error.what());
    throw plugin::NotFound(kNoMetadataDetail);
  }
}

}  // namespace killrvideo::catalog
