#pragma once
// The comments_ratings plugin in FakeHost with the real embedded engine behind it, the catalog's
// `videos` and the accounts' `users` tables beside its own, seeded with two videos and two users.

#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "killrvideo/plugin/Http.h"
#include "killrvideo/plugin/testing/ResponseJson.h"
#include "killrvideo/plugin/testing/EngineBackedHost.h"

#include "AccountsTables.h"
#include "CatalogTables.h"
#include "CommentsRatingsPlugin.h"

namespace killrvideo::comments_ratings::testing {

inline constexpr const char* kReadyVideo = "5e1f3b0a-1c2d-4e5f-8a9b-0c1d2e3f4a5b";
inline constexpr const char* kPendingVideo = "6a2e4c1b-2d3e-4f60-9bac-1d2e3f4a5b6c";
inline constexpr const char* kUnknownVideo = "7b3f5d2c-3e4f-4071-8cbd-2e3f4a5b6c7d";
inline constexpr const char* kAda = "8c4a6e3d-4f50-4182-9dce-3f4a5b6c7d8e";
inline constexpr const char* kGrace = "9d5b7f4e-5061-4293-8edf-4a5b6c7d8e9f";

using plugin::Method;
using plugin::Principal;
using plugin::Response;
using plugin::testing::response_json;

class CommentsRatingsFixture : public ::testing::Test {
 protected:
  CommentsRatingsFixture() {
    host_.load<CommentsRatingsPlugin>();
    host_.create(catalog::videos_table(host_.fake().embedder().dimension()));
    host_.create(accounts::users_table());
    seed_video(kReadyVideo, "READY");
    seed_video(kPendingVideo, "PENDING");
    seed_user(kAda, "Ada", "Lovelace");
    seed_user(kGrace, "Grace", "Hopper");
  }

  void seed_video(const std::string& id, const std::string& status) {
    host_.execute("videos", {{"insertOne", {{"document", {{"videoid", id}, {"name", "A video"}, {"status", status}}}}}});
  }
  void seed_user(const std::string& id, const std::string& first, const std::string& last) {
    host_.execute("users", {{"insertOne", {{"document", {{"userid", id}, {"firstname", first}, {"lastname", last}}}}}});
  }

  static Principal viewer(const std::string& id) { return {id, {"viewer"}}; }

  Response comment(const std::string& video, const std::string& user, const std::string& text) {
    host_.fake().clock().advance_ms(1000);  // each comment a second after the last: a strict order
    return host_.fake().call(Method::Post, "/api/v1/videos/" + video + "/comments", {{"text", text}}, viewer(user));
  }
  nlohmann::json get(const std::string& target, std::optional<Principal> caller = std::nullopt) {
    const Response response = host_.fake().call(Method::Get, target, nullptr, std::move(caller));
    EXPECT_EQ(response.status, 200) << response.body;
    return response_json(response);
  }
  Response rate(const std::string& video, const std::string& user, int rating) {
    host_.fake().clock().advance_ms(1000);
    return host_.fake().call(Method::Post, "/api/v1/videos/" + video + "/ratings", {{"rating", rating}}, viewer(user));
  }

  killrvideo::plugin::testing::EngineBackedHost host_{"comments_ratings"};
};

}  // namespace killrvideo::comments_ratings::testing
