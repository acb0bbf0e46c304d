#include "RatingRoutes.h"

#include "killrvideo/plugin/BodyReader.h"
#include "killrvideo/plugin/Errors.h"
#include "killrvideo/plugin/Responses.h"
#include "killrvideo/plugin/UtcTime.h"

#include "CommentsRatingsTables.h"
#include "ErrorDetails.h"
#include "PublishedEvents.h"

namespace killrvideo::comments_ratings {

namespace {

using plugin::Method;
using plugin::Request;

constexpr int kMinRating = 1;
constexpr int kMaxRating = 5;

std::string video_id_of(const Request& request) { return std::string(request.path_param("videoId").value_or("")); }

int rating_in(const Request& request) {
  plugin::BodyReader body(request);
  const auto rating = body.integer("rating", kMinRating, kMaxRating);
  body.finish();
  return static_cast<int>(*rating);
}

nlohmann::json optional_number(const std::optional<double>& value) { return value ? nlohmann::json(*value) : nullptr; }

}  // namespace

void RatingRoutes::register_with(plugin::Registrar& registrar) {
  registrar.route(Method::Post, "/api/v1/videos/{videoId:uuid}/ratings", plugin::Access::AnyAuth,
                  [this](const Request& request) { return rate(request); });
  registrar.route(Method::Get, "/api/v1/videos/{videoId:uuid}/ratings", plugin::Access::Optional,
                  [this](const Request& request) { return summary(request); });
  registrar.route(Method::Post, "/api/v1/videos/id/{videoId:uuid}/rating", plugin::Access::AnyAuth,
                  [this](const Request& request) { return rate_singular(request); });
  registrar.route(Method::Get, "/api/v1/videos/id/{videoId:uuid}/rating", plugin::Access::Public,
                  [this](const Request& request) { return summary_singular(request); });
}

RatingRoutes::Rated RatingRoutes::apply_rating(const Request& request) const {
  const plugin::Principal* caller = request.principal();
  if (caller == nullptr) throw plugin::Unauthorized(kNotAuthenticatedDetail);
  const int rating = rating_in(request);
  const std::string video_id = video_id_of(request);
  switch (services_.videos.state_of(video_id)) {
    case VideoState::Missing: throw plugin::NotFound(kVideoNotFoundDetail);
    case VideoState::NotReady: throw plugin::NotFound(kVideoNotAvailableForRatingDetail);
    case VideoState::Ready: break;
  }
  const std::int64_t now_ms = services_.host.clock().now_ms();
  const RatingChange change = services_.ratings.rate(video_id, caller->user_id, rating, now_ms);
  services_.host.events().publish(kVideoRatedTopic, rating_event(video_id, caller->user_id, rating, change.previous, now_ms));
  return {video_id, caller->user_id, rating, change, now_ms};
}

plugin::Response RatingRoutes::rate(const Request& request) const {
  const Rated rated = apply_rating(request);
  return plugin::json_response(200, {{"rating", rated.rating},
                                     {"videoid", rated.video_id},
                                     {"userid", rated.user_id},
                                     {"created_at", plugin::iso_timestamp(rated.change.created_ms)},
                                     {"updated_at", plugin::iso_timestamp(rated.now_ms)}});
}

plugin::Response RatingRoutes::rate_singular(const Request& request) const {
  apply_rating(request);
  return plugin::no_content();
}

plugin::Response RatingRoutes::summary(const Request& request) const {
  const std::string video_id = video_id_of(request);
  if (services_.videos.state_of(video_id) == VideoState::Missing) throw plugin::NotFound(kVideoNotFoundDetail);
  const RatingCounters counters = services_.ratings.counters_of(video_id);
  const plugin::Principal* caller = request.principal();
  const auto own = caller != nullptr ? services_.ratings.rating_of(video_id, caller->user_id) : std::nullopt;
  return plugin::json_response(200, {{"videoId", video_id},
                                     {"averageRating", optional_number(counters.average())},
                                     {"totalRatingsCount", counters.count},
                                     {"currentUserRating", own ? nlohmann::json(*own) : nullptr}});
}

plugin::Response RatingRoutes::summary_singular(const Request& request) const {
  const std::string video_id = video_id_of(request);
  const RatingCounters counters = services_.ratings.counters_of(video_id);
  return plugin::json_response(
      200, {{"videoId", video_id}, {"averageRating", counters.average().value_or(0.0)}, {"ratingCount", counters.count}});
}

}  // namespace killrvideo::comments_ratings
