#pragma once
// The search plugin in FakeHost with the real embedded engine behind it and the catalog's `videos`
// table and `video_stats` collection beside its own. Videos are written into `videos` as the catalog
// would and announced with the catalog's events, which the plugin indexes.

#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "killrvideo/plugin/Http.h"
#include "killrvideo/plugin/data/CollectionSpec.h"
#include "killrvideo/plugin/data/Vectors.h"
#include "killrvideo/plugin/testing/ResponseJson.h"
#include "killrvideo/plugin/testing/EngineBackedHost.h"

#include "CatalogTables.h"
#include "SearchPlugin.h"
#include "VideoEvents.h"

namespace killrvideo::search::testing {

using plugin::Method;
using plugin::Response;
using plugin::testing::response_json;

// A video id whose last 12 hex digits are `n`: distinct, canonical and in order.
inline std::string video_id(int n) {
  char tail[13];
  std::snprintf(tail, sizeof tail, "%012d", n);
  return std::string("00000000-0000-4000-8000-") + tail;
}

struct SeedVideo {
  std::string id;
  std::string name;
  std::string description;
  std::vector<std::string> tags;
  std::string status = "READY";
};

class SearchFixture : public ::testing::Test {
 protected:
  explicit SearchFixture(nlohmann::json config = nlohmann::json::object()) : host_("search", std::move(config)) {}

  void SetUp() override {
    host_.create(catalog::videos_table(host_.fake().embedder().dimension()));
    host_.create(plugin::data::CollectionSpec(catalog::kVideoStatsCollection));
    host_.load<SearchPlugin>();
  }

  // Writes the row the catalog would (its vector: the embedding of its title) and announces it.
  void add(const SeedVideo& video, const char* topic = catalog::kVideoAddedTopic) {
    const auto vector = host_.fake().embedder().embed(video.name).vector;
    nlohmann::ordered_json row = {{"videoid", video.id},   {"name", video.name}, {"description", video.description},
                                  {"tags", video.tags},     {"status", video.status},
                                  {"added_date", "2025-06-01T00:00:00.000Z"},
                                  {"content_features", plugin::data::vector_to_json(vector)}};
    host_.execute(catalog::kVideosTable, {{"insertOne", {{"document", row}}}});
    host_.fake().publish(topic, {{"videoId", video.id}});
  }
  void set_status(const std::string& id, const std::string& status, const char* topic) {
    host_.execute(catalog::kVideosTable,
                  {{"updateOne", {{"filter", {{"videoid", id}}}, {"update", {{"$set", {{"status", status}}}}}}}});
    host_.fake().publish(topic, {{"videoId", id}});
  }

  Response get(const std::string& target) { return host_.fake().call(Method::Get, target); }
  nlohmann::json ok(const std::string& target) {
    const Response response = get(target);
    EXPECT_EQ(response.status, 200) << target << ": " << response.body;
    return response_json(response);
  }
  // The videoIds of a search answer, in order.
  static std::vector<std::string> ids_of(const nlohmann::json& page) {
    std::vector<std::string> ids;
    for (const auto& item : page["data"]) ids.push_back(item["videoId"].get<std::string>());
    return ids;
  }

  killrvideo::plugin::testing::EngineBackedHost host_;
};

}  // namespace killrvideo::search::testing
