// Two moderators acting on one flag at once, from many connections: exactly one decision wins, every
// other caller gets 400 `Flag already resolved`, and the winner's decision is the one stored, in the
// queues and in the audit trail — the removal happens once.

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

#include <gtest/gtest.h>

#include "tests/host/data/astra/DataApiProcess.h"
#include "tests/integration/moderation/ModerationServer.h"

namespace killrvideo::testing::moderation {
namespace {

using nlohmann::json;

constexpr int kCallersPerModerator = 6;

// Three rounds, each a fresh flag decided by 2 × kCallersPerModerator callers at once.

void expect_one_winner(const ServerProcess& server) {
  HttpClient client(server.base_url());
  const Member first = sign_up(client, kModeratorEmail);
  const Member second = sign_up(client, kSecondModeratorEmail);
  const std::string video_id = comments_ratings::submit_video(client, first);

  for (int round = 0; round < 3; ++round) {
    const std::string flag_id = flag(client, first, "video", video_id).json()["flagId"];
    std::atomic<int> won{0}, already_resolved{0}, other{0};
    std::string winning_status;
    std::mutex winner_mutex;
    std::vector<std::thread> callers;
    for (int i = 0; i < 2 * kCallersPerModerator; ++i) {
      callers.emplace_back([&, i] {
        HttpClient own(server.base_url());
        const Member& moderator = i % 2 == 0 ? first : second;
        const std::string status = i % 2 == 0 ? "approved" : "rejected";
        const auto response = act(own, moderator, flag_id, status);
        if (response.status == 200) {
          ++won;
          std::lock_guard<std::mutex> lock(winner_mutex);
          winning_status = status;
        } else if (response.status == 400 && response.json()["detail"] == "Flag already resolved") {
          ++already_resolved;
        } else {
          ++other;
        }
      });
    }
    for (auto& caller : callers) caller.join();
    EXPECT_EQ(won.load(), 1);
    EXPECT_EQ(already_resolved.load(), 2 * kCallersPerModerator - 1);
    EXPECT_EQ(other.load(), 0);

    const auto stored = client.get("/api/v1/moderation/flags/" + flag_id, {first.authorization}).json();
    EXPECT_EQ(stored["status"], winning_status);
    const auto queue = client.get("/api/v1/moderation/flags?page=1&pageSize=100&status=" + winning_status,
                                  {first.authorization}).json();
    EXPECT_TRUE(std::any_of(queue["data"].begin(), queue["data"].end(),
                            [&](const json& listed) { return listed["flagId"] == flag_id; }));
    if (winning_status == "approved") {
      client.post("/api/v1/moderation/videos/" + video_id + "/restore", "", {first.authorization});
    }
  }
  // Per round: flagged, one decision; and for each approval one removal and one restore.
  const json trail = client.get("/api/v1/moderation/audit?contentId=" + video_id + "&pageSize=100", {first.authorization}).json();
  int flagged = 0, decisions = 0, removals = 0, restores = 0;
  for (const auto& entry : trail["data"]) {
    const std::string action = entry["action"];
    flagged += action == "flagged";
    decisions += action.rfind("status:", 0) == 0;
    removals += action == "removed";
    restores += action == "restored";
  }
  EXPECT_EQ(flagged, 3);
  EXPECT_EQ(decisions, 3);
  EXPECT_EQ(removals, restores);
  EXPECT_EQ(trail["pagination"]["totalItems"], static_cast<int>(trail["data"].size()));
}

TEST(ConcurrentDecisionTest, OnTheEmbeddedEngine) {
  const ServerProcess server(server_config());
  expect_one_winner(server);
}

TEST(ConcurrentDecisionTest, ThroughTheDataApi) {
  const std::string token = "AstraCS:moderation-integration";
  DataApiProcess data_api(token);
  const ServerProcess server(server_config("[viewer, creator]", comments_ratings::astra_database(data_api.base_url(), token)));
  expect_one_winner(server);
}

}  // namespace
}  // namespace killrvideo::testing::moderation
