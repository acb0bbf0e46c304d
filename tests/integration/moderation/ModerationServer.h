#pragma once
// The real server with accounts, catalog, comments_ratings and moderation, and the HTTP steps every
// moderation test takes: flag, list, act, as the frontend sends them (api-contract §7.3).

#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/integration/comments_ratings/CommentsRatingsServer.h"

namespace killrvideo::testing::moderation {

using comments_ratings::add_comment;
using comments_ratings::Member;
using comments_ratings::sign_up;

inline constexpr const char* kSecondModeratorEmail = "mod2@example.com";
// The owners of what moderation removes (catalog, comments_ratings, search's copy of videos) beside it.
inline constexpr const char* kModeratedDomains =
    "  - { name: accounts }\n  - { name: catalog }\n  - { name: search }\n  - { name: comments_ratings }\n"
    "  - { name: moderation }\n";

// `default_roles` as YAML; mod@example.com and mod2@example.com are configured moderators.
inline std::string server_config(const std::string& default_roles = "[viewer, creator]",
                                 const std::string& database = kEmbeddedDatabase) {
  return test_config(kModeratedDomains, "",
                     "default_roles: " + default_roles + "\n  moderators: [" + kModeratorEmail + ", " +
                         kSecondModeratorEmail + "]",
                     database);
}

// A READY video with the given tag, submitted by `creator`; its id.
inline std::string submit_tagged_video(HttpClient& client, const Member& creator, const std::string& tag) {
  const nlohmann::json body = {{"youtubeUrl", "https://youtu.be/abcdefghijk"}, {"tags", {tag}}};
  const auto submitted = client.post("/api/v1/videos", body.dump(), {creator.authorization});
  EXPECT_EQ(submitted.status, 202) << submitted.body;
  return submitted.json()["videoId"].get<std::string>();
}

// flagContent: POST /flags {contentType, contentId, reasonCode, reasonText?}
inline HttpResponse flag(HttpClient& client, const Member& reporter, const std::string& content_type,
                         const std::string& content_id, const std::string& reason_code = "spam") {
  const nlohmann::json body = {{"contentType", content_type}, {"contentId", content_id}, {"reasonCode", reason_code}};
  return client.post("/api/v1/flags", body.dump(), {reporter.authorization});
}

// actionFlag: POST /moderation/flags/{flagId}/action {status, moderatorNotes?}
inline HttpResponse act(HttpClient& client, const Member& moderator, const std::string& flag_id,
                        const std::string& status, const std::string& notes = "") {
  nlohmann::json body = {{"status", status}};
  if (!notes.empty()) body["moderatorNotes"] = notes;
  return client.post("/api/v1/moderation/flags/" + flag_id + "/action", body.dump(), {moderator.authorization});
}

}  // namespace killrvideo::testing::moderation
