#pragma once
// The catalog in FakeHost with the real embedded engine behind it, and videos put there the way
// killrvideo-load does (the `videos` importer): listings, counts and trending on real Data API semantics.

#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "killrvideo/plugin/testing/ResponseJson.h"
#include "killrvideo/plugin/UtcTime.h"
#include "killrvideo/plugin/testing/EngineBackedHost.h"

#include "CatalogPlugin.h"

namespace killrvideo::catalog::testing {

struct SeededVideo {
  std::string id;
  std::string uploader;
  std::int64_t added_ms;
  std::vector<std::string> tags;
};

// A canonical v4 UUID from a number: ids that sort as their numbers do.
inline std::string numbered_uuid(std::uint64_t n, char variant = '4') {
  char text[37];
  std::snprintf(text, sizeof text, "%08llx-0000-%c000-8000-%012llx", static_cast<unsigned long long>(n >> 16), variant,
                static_cast<unsigned long long>(n));
  return text;
}

class CatalogOnEngine : public ::testing::Test {
 protected:
  CatalogOnEngine() { host_.load<CatalogPlugin>(); }

  // The video as a videos_cleaned.csv row.
  static plugin::ImportRow export_row(const SeededVideo& video) {
    std::string tags = "{";
    for (const auto& tag : video.tags) tags += (tags.size() > 1 ? ",\"" : "\"") + tag + "\"";
    return {{"videoid", video.id}, {"added_date", plugin::iso_timestamp(video.added_ms)},
            {"name", "video " + video.id}, {"location", "https://www.youtube.com/embed/abcdefghijk"},
            {"location_type", "1"}, {"tags", tags + "}"}, {"userid", video.uploader}};
  }

  void seed(const SeededVideo& video) {
    ASSERT_EQ(host_.fake().import_row("videos", export_row(video)), "") << video.id;
  }

  nlohmann::json get(const std::string& target) {
    const auto response = host_.fake().call(plugin::Method::Get, target);
    EXPECT_EQ(response.status, 200) << target << ": " << response.body;
    return plugin::testing::response_json(response);
  }

  static std::vector<std::string> ids_of(const nlohmann::json& items) {
    std::vector<std::string> ids;
    for (const auto& item : items) ids.push_back(item["videoId"].get<std::string>());
    return ids;
  }

  // Newest first, ties by id: the order every listing promises.
  static std::vector<std::string> newest_first(std::vector<SeededVideo> videos) {
    std::sort(videos.begin(), videos.end(), [](const SeededVideo& a, const SeededVideo& b) {
      return a.added_ms != b.added_ms ? a.added_ms > b.added_ms : a.id < b.id;
    });
    std::vector<std::string> ids;
    for (const auto& video : videos) ids.push_back(video.id);
    return ids;
  }

  killrvideo::plugin::testing::EngineBackedHost host_{"catalog"};
};

}  // namespace killrvideo::catalog::testing
