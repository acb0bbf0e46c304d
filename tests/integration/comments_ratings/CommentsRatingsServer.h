#pragma once
// The real server with accounts, catalog and comments_ratings, and the HTTP steps every comments and
// ratings test takes: sign up, submit a video, comment, rate.

#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/integration/accounts/AccountsServer.h"

namespace killrvideo::testing::comments_ratings {

inline constexpr const char* kThreePlugins =
    "  - { name: accounts }\n  - { name: catalog }\n  - { name: comments_ratings }\n";

inline std::string astra_database(const std::string& endpoint, const std::string& token) {
  return "database:\n  backend: astra\n  astra:\n    endpoint: " + endpoint + "\n    token: \"" + token +
         "\"\n    keyspace: killrvideo\n";
}

// `default_roles` as YAML; mod@example.com is a configured moderator.
inline std::string server_config(const std::string& default_roles = "[viewer, creator]",
                                 const std::string& database = kEmbeddedDatabase) {
  return test_config(kThreePlugins, "", "default_roles: " + default_roles + "\n  moderators: [" + kModeratorEmail + "]",
                     database);
}

struct Member {
  std::string user_id;
  std::string authorization;  // "Authorization: Bearer …"
};

inline Member sign_up(HttpClient& client, const std::string& email) {
  const nlohmann::json login = signed_up(client, email);
  return {login["user"]["userId"].get<std::string>(), bearer(login["token"].get<std::string>())};
}

// `count` members signed up from `threads` connections at once.
inline std::vector<Member> sign_up_many(const std::string& base_url, int count, int threads = 8) {
  std::vector<Member> members(static_cast<std::size_t>(count));
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      HttpClient client(base_url);
      for (int i = t; i < count; i += threads) members[static_cast<std::size_t>(i)] = sign_up(client, unique_email("member"));
    });
  }
  for (auto& worker : workers) worker.join();
  return members;
}

// A READY video submitted by `creator`; its id.
inline std::string submit_video(HttpClient& client, const Member& creator) {
  const auto submitted = client.post("/api/v1/videos", R"({"youtubeUrl":"https://youtu.be/abcdefghijk"})", {creator.authorization});
  EXPECT_EQ(submitted.status, 202) << submitted.body;
  return submitted.json()["videoId"].get<std::string>();
}

inline HttpResponse add_comment(HttpClient& client, const std::string& video_id, const Member& author,
                                const std::string& text) {
  return client.post("/api/v1/videos/" + video_id + "/comments", nlohmann::json({{"text", text}}).dump(),
                     {author.authorization});
}

inline HttpResponse rate(HttpClient& client, const std::string& video_id, const Member& rater, int rating) {
  return client.post("/api/v1/videos/" + video_id + "/ratings", nlohmann::json({{"rating", rating}}).dump(),
                     {rater.authorization});
}

}  // namespace killrvideo::testing::comments_ratings
