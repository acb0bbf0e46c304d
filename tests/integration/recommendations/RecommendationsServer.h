#pragma once
// The real server with the catalog and recommendations plugins on the embedded engine, tokens for each
// kind of caller, and a generated data set of two topics far apart in the local embedder's space.

#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/integration/catalog/CatalogServer.h"

namespace killrvideo::testing::recommendations {

using catalog::bearer;
using catalog::creator;
using catalog::moderator;
using catalog::viewer;

inline std::string recommendations_config() {
  return test_config("  - { name: catalog }\n  - { name: recommendations }\n", "", "", catalog::kEmbeddedDatabase);
}

struct Topic {
  std::string tag;
  std::string vocabulary;             // words every video of the topic shares
  std::vector<std::string> subjects;  // one per video
};

inline Topic databases() {
  return {"databases", "databases cassandra tables partitions queries clustering replication nodes",
          {"keyspaces", "compaction", "tombstones", "indexes", "consistency", "gossip"}};
}

inline Topic cooking() {
  return {"cooking", "cooking recipes kitchen pasta sauce oven flavour garlic",
          {"risotto", "lasagne", "focaccia", "pesto", "gnocchi", "tiramisu"}};
}

// Submits one video per subject of `topic` as kCreatorId; their ids, in submission order.
inline std::vector<std::string> submit_topic(HttpClient& client, const Topic& topic,
                                             const std::string& authorization = creator()) {
  std::vector<std::string> ids;
  for (const auto& subject : topic.subjects) {
    const nlohmann::json body = {{"youtubeUrl", "https://youtu.be/abcdefghijk"},
                                 {"title", topic.tag + " lesson: " + subject},
                                 {"description", topic.vocabulary + " " + subject},
                                 {"tags", {topic.tag, subject}}};
    const auto response = client.post("/api/v1/videos", body.dump(), {authorization});
    if (response.status != 202) throw std::runtime_error("submit failed: " + response.body);
    ids.push_back(response.json()["videoId"].get<std::string>());
    // Distinct added_date instants, so "newest first" is the submission order reversed.
    std::this_thread::sleep_for(std::chrono::milliseconds(3));
  }
  return ids;
}

inline std::string video_path(const std::string& video_id) { return "/api/v1/videos/id/" + video_id; }

// A suite with a server of its own holding six database videos then six cooking videos. `Suite` gives
// each suite its own statics; `prepare` runs once after the submissions.
template <class Suite>
class TopicServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new ServerProcess(recommendations_config());
    HttpClient client(server_->base_url());
    database_ids_ = submit_topic(client, databases());
    cooking_ids_ = submit_topic(client, cooking());
    Suite::prepare(client);
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static void prepare(HttpClient&) {}

  HttpClient client_{server_->base_url()};
  inline static ServerProcess* server_ = nullptr;
  inline static std::vector<std::string> database_ids_;
  inline static std::vector<std::string> cooking_ids_;
};

}  // namespace killrvideo::testing::recommendations
