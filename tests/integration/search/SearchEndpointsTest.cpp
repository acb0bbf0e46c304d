// The search plugin in the real server over loopback HTTP, beside the catalog whose events it indexes:
// submitted and edited videos are found by the next request in both modes, on the embedded engine and
// through a local Data API server (killrvideo-dataapi); errors as the contract words them.

#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/host/data/astra/DataApiProcess.h"
#include "tests/integration/catalog/CatalogServer.h"
#include "tests/integration/search/SearchHits.h"
#include "tests/support/ServerProcess.h"

namespace killrvideo::testing::search {
namespace {

using catalog::astra_database;
using catalog::creator;
using catalog::kEmbeddedDatabase;
using nlohmann::json;

std::string search_config(const std::string& database = kEmbeddedDatabase) {
  return test_config("  - { name: catalog }\n  - { name: search }\n", "", "", database);
}

std::string submit(HttpClient& client, const std::string& title, const std::string& description,
                   const json& tags) {
  const json body = {{"youtubeUrl", "https://youtu.be/abcdefghijk"}, {"title", title}, {"description", description},
                     {"tags", tags}};
  const auto response = client.post("/api/v1/videos", body.dump(), {creator()});
  EXPECT_EQ(response.status, 202) << response.body;
  return response.json()["videoId"].get<std::string>();
}

void expect_new_and_edited_videos_found_at_once(const ServerProcess& server) {
  HttpClient client(server.base_url());
  submit(client, "Baking sourdough bread", "Flour, water and salt.", {"baking"});
  const std::string id = submit(client, "Gossip among Cassandra replicas",
                                "How every node learns the cluster's state through the gossip protocol.",
                                {"cassandra", "internals"});
  const std::vector<std::string> just_it = {id};
  EXPECT_EQ(search_hits(client, "keyword", "protocol"), just_it) << "a word of the description";
  EXPECT_EQ(search_hits(client, "semantic", "Gossip%20among%20Cassandra%20replicas"), just_it);

  const auto edited = client.request("PUT", "/api/v1/videos/id/" + id,
                                     R"({"title":"Merkle trees and anti-entropy repair"})", {creator()});
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(search_hits(client, "keyword", "merkle"), just_it);
  EXPECT_EQ(search_hits(client, "semantic", "Merkle%20trees%20and%20anti-entropy%20repair"), just_it);
  EXPECT_TRUE(search_hits(client, "keyword", "replicas").empty()) << "the old title's own word has left with it";

  const auto tags = client.get("/api/v1/search/tags/suggest?query=IN&limit=5");
  ASSERT_EQ(tags.status, 200) << tags.body;
  EXPECT_EQ(tags.json(), json({{{"tag", "baking"}}, {{"tag", "internals"}}}));
}

TEST(SearchEndpointsTest, NewAndEditedVideosAreFoundByTheNextRequestOnTheEmbeddedEngine) {
  const ServerProcess server(search_config());
  expect_new_and_edited_videos_found_at_once(server);
}

TEST(SearchEndpointsTest, NewAndEditedVideosAreFoundByTheNextRequestThroughTheDataApi) {
  const std::string token = "AstraCS:search-integration";
  DataApiProcess data_api(token);
  const ServerProcess server(search_config(astra_database(data_api.base_url(), token)));
  expect_new_and_edited_videos_found_at_once(server);
}

TEST(SearchEndpointsTest, BadQueriesAreAnsweredAsTheContractSaysAndNeverWith500) {
  const ServerProcess server(search_config());
  HttpClient client(server.base_url());
  const auto missing = client.get("/api/v1/search/videos");
  EXPECT_EQ(missing.status, 422);
  EXPECT_EQ(missing.json()["detail"][0]["loc"], json({"query", "query"}));

  const auto blank = client.get("/api/v1/search/videos?query=%20%20&mode=semantic");
  ASSERT_EQ(blank.status, 400);
  EXPECT_EQ(blank.json()["detail"], "Failed to generate query embedding: Cannot generate embedding for empty text");
  EXPECT_EQ(blank.json()["title"], "Bad Request");

  std::string words;
  for (int i = 0; i < 513; ++i) words += "word%20";
  const auto long_query = client.get("/api/v1/search/videos?mode=semantic&query=" + words);
  EXPECT_EQ(long_query.status, 400);
  EXPECT_NE(long_query.json()["detail"].get<std::string>().find("512"), std::string::npos);

  // Text an FTS query language would read as syntax is only words here.
  for (const char* odd : {"%22unbalanced", "a%20AND%20OR%20NOT", "col%3Avalue", "%2A", "(%29", "NEAR(a%20b)", "%5E"}) {
    const auto response = client.get(std::string("/api/v1/search/videos?query=") + odd);
    EXPECT_EQ(response.status, 200) << odd << ": " << response.body;
  }
}

}  // namespace
}  // namespace killrvideo::testing::search
