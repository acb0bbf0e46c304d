#include "EngagementListener.h"

#include <stdexcept>

#include "killrvideo/plugin/Validation.h"

namespace killrvideo::recommendations {

namespace {

using nlohmann::json;

inline constexpr const char* kAnonymousUserId = "00000000-0000-0000-0000-000000000000";

std::string uuid_field(const json& payload, const char* field) {
  const auto value = payload.find(field);
  if (value == payload.end() || !value->is_string() || !plugin::is_canonical_uuid(value->get<std::string>())) {
    throw std::invalid_argument(std::string("recommendations: the event needs a UUID ") + field + ": " + payload.dump());
  }
  return value->get<std::string>();
}

// `previousRating` is null for a first rating, which is worth nothing to take back.
int rating_field(const json& payload, const char* field, bool nullable) {
  const auto value = payload.find(field);
  if (nullable && (value == payload.end() || value->is_null())) return 0;
  if (value == payload.end() || !value->is_number_integer()) {
    throw std::invalid_argument(std::string("recommendations: video.rated ") + field + " must be an integer: " + payload.dump());
  }
  return value->get<int>();
}

}  // namespace

double rating_weight(int rating) {
  if (rating >= 5) return 3.0;
  if (rating == 4) return 2.0;
  return 0.0;
}

EngagementListener::EngagementListener(plugin::HostServices& host, const UserPreferences& preferences)
    : videos_(host.data()), preferences_(preferences) {}

void EngagementListener::register_with(plugin::Registrar& registrar) {
  registrar.subscribe(kVideoViewedTopic, [this](const std::string&, const json& payload) { on_viewed(payload); });
  registrar.subscribe(kCommentAddedTopic, [this](const std::string&, const json& payload) { on_commented(payload); });
  registrar.subscribe(kVideoRatedTopic, [this](const std::string&, const json& payload) { on_rated(payload); });
}

void EngagementListener::on_viewed(const json& payload) const {
  const std::string user_id = uuid_field(payload, "userId");
  const std::string video_id = uuid_field(payload, "videoId");
  if (user_id == kAnonymousUserId) return;
  preferences_.add_watched(user_id, video_id);
  add_engagement(user_id, video_id, kViewWeight);
}

void EngagementListener::on_commented(const json& payload) const {
  add_engagement(uuid_field(payload, "userId"), uuid_field(payload, "videoId"), kCommentWeight);
}

void EngagementListener::on_rated(const json& payload) const {
  const std::string user_id = uuid_field(payload, "userId");
  const std::string video_id = uuid_field(payload, "videoId");
  const double weight = rating_weight(rating_field(payload, "rating", false)) -
                        rating_weight(rating_field(payload, "previousRating", true));
  if (weight != 0.0) add_engagement(user_id, video_id, weight);
}

void EngagementListener::add_engagement(const std::string& user_id, const std::string& video_id, double weight) const {
  const auto video = videos_.find(video_id);
  if (video) preferences_.add_engagement(user_id, *video, weight);
}

}  // namespace killrvideo::recommendations
