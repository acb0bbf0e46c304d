#pragma once
// The moderation plugin in FakeHost with the real embedded engine behind it, the catalog's `videos`
// table and comments_ratings' `comments_by_id` collection beside its own, seeded with one video and one
// comment.

#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "killrvideo/plugin/Http.h"
#include "killrvideo/plugin/UtcTime.h"
#include "killrvideo/plugin/Validation.h"
#include "killrvideo/plugin/data/CollectionSpec.h"
#include "killrvideo/plugin/testing/ResponseJson.h"
#include "killrvideo/plugin/testing/EngineBackedHost.h"

#include "CatalogTables.h"
#include "ModerationPlugin.h"

namespace killrvideo::moderation::testing {

inline constexpr const char* kVideo = "5e1f3b0a-1c2d-4e5f-8a9b-0c1d2e3f4a5b";
inline constexpr const char* kComment = "0b7d9f60-7283-11f0-8a21-6c7d8e9fa0b1";
inline constexpr const char* kUnknownContent = "7b3f5d2c-3e4f-4071-8cbd-2e3f4a5b6c7d";
inline constexpr const char* kReporter = "8c4a6e3d-4f50-4182-9dce-3f4a5b6c7d8e";
inline constexpr const char* kModerator = "9d5b7f4e-5061-4293-8edf-4a5b6c7d8e9f";

using plugin::Method;
using plugin::Principal;
using plugin::Response;
using plugin::testing::response_json;

class ModerationFixture : public ::testing::Test {
 protected:
  ModerationFixture() {
    host_.load<ModerationPlugin>();
    host_.create(catalog::videos_table(host_.fake().embedder().dimension()));
    host_.create(plugin::data::CollectionSpec("comments_by_id"));
    host_.execute("videos", {{"insertOne", {{"document", {{"videoid", kVideo}, {"name", "A video"}, {"status", "READY"}}}}}});
    host_.execute("comments_by_id",
                  {{"insertOne", {{"document", {{"_id", kComment}, {"videoid", kVideo}, {"comment", "hello"}}}}}});
  }

  // The fake clock's reading `seconds` after the test began, as the plugin writes it.
  std::string seconds_later(int seconds) const { return plugin::iso_timestamp(start_ms_ + seconds * 1000LL); }

  static Principal viewer() { return {kReporter, {"viewer"}}; }
  static Principal moderator() { return {kModerator, {"moderator"}}; }

  Response flag(const nlohmann::json& body) {
    host_.fake().clock().advance_ms(1000);  // each flag a second after the last: a strict order
    return host_.fake().call(Method::Post, "/api/v1/flags", body, viewer());
  }
  // A new flag on the video (or `content_type` / `content_id`); its id.
  std::string flag_id(const std::string& content_type = "video", const std::string& content_id = kVideo) {
    const Response created = flag({{"contentType", content_type}, {"contentId", content_id}, {"reasonCode", "spam"}});
    EXPECT_EQ(created.status, 201) << created.body;
    return response_json(created)["flagId"];
  }
  Response act(const std::string& id, const nlohmann::json& body) {
    host_.fake().clock().advance_ms(1000);
    return host_.fake().call(Method::Post, "/api/v1/moderation/flags/" + id + "/action", body, moderator());
  }
  nlohmann::json get(const std::string& target) {
    const Response response = host_.fake().call(Method::Get, target, nullptr, moderator());
    EXPECT_EQ(response.status, 200) << response.body;
    return response_json(response);
  }

  killrvideo::plugin::testing::EngineBackedHost host_{"moderation"};
  const std::int64_t start_ms_ = host_.fake().clock().now_ms();
};

}  // namespace killrvideo::moderation::testing
