#include "UserPreferences.h"

#include "killrvideo/plugin/UtcTime.h"
#include "killrvideo/plugin/data/Filter.h"
#include "killrvideo/plugin/data/Update.h"
#include "killrvideo/plugin/data/Vectors.h"

#include "RecommendationsTables.h"

namespace killrvideo::recommendations {

namespace {

using plugin::data::Filter;
using plugin::data::TableUpdate;

std::vector<float> vector_of(const Row& row, const char* column) {
  const auto value = row.find(column);
  return value != row.end() && value->is_array() ? plugin::data::vector_from_json(*value) : std::vector<float>{};
}

std::vector<std::string> strings_of(const Row& row, const char* column) {
  std::vector<std::string> values;
  const auto value = row.find(column);
  if (value == row.end() || !value->is_array()) return values;
  for (const auto& item : *value) values.push_back(item.get<std::string>());
  return values;
}

// Maps come back as objects ({"tag": weight}) or as [key, value] pairs, depending on the backend's encoding.
std::map<std::string, double> weights_of(const Row& row) {
  std::map<std::string, double> weights;
  const auto value = row.find("tag_preferences");
  if (value == row.end()) return weights;
  if (value->is_object()) {
    for (const auto& [tag, weight] : value->items()) weights[tag] = weight.get<double>();
  } else if (value->is_array()) {
    for (const auto& pair : *value) weights[pair.at(0).get<std::string>()] = pair.at(1).get<double>();
  }
  return weights;
}

void add_scaled(std::vector<float>& sum, const std::vector<float>& vector, double weight) {
  if (sum.empty()) sum.assign(vector.size(), 0.0F);
  if (sum.size() != vector.size()) return;  // the column's dimension changed: the old taste is kept
  for (std::size_t i = 0; i < vector.size(); ++i) sum[i] += static_cast<float>(weight * vector[i]);
}

}  // namespace

bool Preferences::has_direction() const {
  for (const float component : vector) {
    if (component != 0.0F) return true;
  }
  return false;
}

UserPreferences::UserPreferences(plugin::DataClient& data, plugin::Clock& clock)
    : preferences_(data, kUserPreferencesTable), clock_(clock) {}

std::optional<Preferences> UserPreferences::find(const std::string& user_id) const {
  const auto row = preferences_.find_one(Filter().eq("userid", user_id));
  if (!row) return std::nullopt;
  Preferences preferences{vector_of(*row, "preference_vector"), weights_of(*row), {}};
  for (const std::string& id : strings_of(*row, "watched_videos")) preferences.watched.insert(id);
  return preferences;
}

void UserPreferences::add_engagement(const std::string& user_id, const Row& video, double weight) const {
  Preferences preferences = find(user_id).value_or(Preferences{});
  const std::vector<float> features = vector_of(video, "content_features");
  if (!features.empty()) add_scaled(preferences.vector, features, weight);
  for (const std::string& tag : strings_of(video, "tags")) preferences.tag_weights[tag] += weight;

  nlohmann::ordered_json tags = nlohmann::ordered_json::object();
  for (const auto& [tag, tag_weight] : preferences.tag_weights) tags[tag] = tag_weight;
  TableUpdate update;
  update.set("tag_preferences", tags).set("last_updated", plugin::iso_timestamp(clock_.now_ms()));
  // A zero vector has no direction and the column refuses it: the taste is cleared instead.
  if (preferences.has_direction()) update.set("preference_vector", plugin::data::vector_to_json(preferences.vector));
  else update.unset("preference_vector");
  preferences_.update_one(Filter().eq("userid", user_id), update);
}

void UserPreferences::add_watched(const std::string& user_id, const std::string& video_id) const {
  preferences_.update_one(Filter().eq("userid", user_id),
                          TableUpdate().push("watched_videos", video_id).set("last_updated", plugin::iso_timestamp(clock_.now_ms())));
}

}  // namespace killrvideo::recommendations
