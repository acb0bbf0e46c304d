// The real server with embedding.provider astra-vectorize: the catalog stores each video's text in its
// vectorize column and the store embeds it; search's semantic mode and related videos sort by it. On the
// embedded store the host's local provider stands in for the service; through the Astra client, the local
// Data API server (killrvideo-dataapi --vectorize-local) embeds, as Astra DB would.

#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "services/LocalEmbedder.h"
#include "tests/host/data/astra/DataApiProcess.h"
#include "tests/integration/TestConfig.h"
#include "tests/integration/catalog/CatalogServer.h"
#include "tests/integration/search/SearchHits.h"
#include "tests/support/HttpClient.h"

namespace killrvideo::testing {
namespace {

using json = nlohmann::json;
using catalog::astra_database;
using catalog::creator;
using catalog::kEmbeddedDatabase;

constexpr int kDimension = 96;
constexpr const char* kToken = "AstraCS:vectorize-test-token";

std::string vectorize_config(const std::string& database, const std::string& stand_in_line) {
  return test_config("  - { name: catalog }\n  - { name: search }\n  - { name: recommendations }\n", "", "",
                     database +
                         "embedding:\n"
                         "  provider: astra-vectorize\n"
                         "  dimension: " + std::to_string(kDimension) + "\n"
                         "  vectorize:\n"
                         "    provider: nvidia\n"
                         "    model_name: NV-Embed-QA\n" +
                         stand_in_line);
}

std::string submit(HttpClient& client, const std::string& title, const std::string& description,
                   const std::vector<std::string>& tags) {
  const json body = {{"youtubeUrl", "https://youtu.be/abcdefghijk"}, {"title", title}, {"description", description},
                     {"tags", tags}};
  const auto response = client.post("/api/v1/videos", body.dump(), {creator()});
  EXPECT_EQ(response.status, 202) << response.body;
  return response.json()["videoId"].get<std::string>();
}

// Submits three videos, then: each is stored with the vector the store made of its text (the local
// provider's, whichever side of the seam ran it), semantic search finds by text, related videos rank by it.
void expect_the_store_embeds(const ServerProcess& server) {
  HttpClient client(server.base_url());
  const std::string gossip = submit(client, "Gossip among Cassandra replicas",
                                    "How every node learns the cluster state through gossip.", {"cassandra"});
  const std::string repair = submit(client, "Repair among Cassandra replicas",
                                    "How replicas of the cluster agree again after a node was down.", {"cassandra"});
  const std::string bread = submit(client, "Baking sourdough bread", "Flour, water and salt.", {"baking"});

  const auto details = client.get("/api/v1/videos/id/" + gossip);
  ASSERT_EQ(details.status, 200) << details.body;
  host::LocalEmbedder local(kDimension);
  const auto expected =
      local.embed("Gossip among Cassandra replicas\nHow every node learns the cluster state through gossip.\ncassandra")
          .vector;
  const json stored = details.json()["content_features"];
  ASSERT_EQ(stored.size(), static_cast<std::size_t>(kDimension)) << details.body;
  for (int i = 0; i < kDimension; ++i) EXPECT_NEAR(stored[i].get<double>(), expected[i], 1e-6) << "component " << i;

  const auto hits = search_hits(client, "semantic", "Gossip%20among%20Cassandra%20replicas");
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0], gossip);
  const auto baking = search_hits(client, "semantic", "sourdough%20bread%20baking");
  ASSERT_FALSE(baking.empty());
  EXPECT_EQ(baking[0], bread);

  const auto related = client.get("/api/v1/videos/id/" + gossip + "/related");
  ASSERT_EQ(related.status, 200) << related.body;
  const json items = related.json();
  ASSERT_EQ(items.size(), 2u) << related.body;
  EXPECT_EQ(items[0]["videoId"], repair) << "the nearest text first";
  EXPECT_EQ(items[1]["videoId"], bread);
  ASSERT_TRUE(items[0]["score"].is_number()) << "ranked by the stored vectors, not the newest-first fallback";
  EXPECT_GT(items[0]["score"].get<double>(), items[1]["score"].get<double>());
}

TEST(VectorizeTest, OnTheEmbeddedStoreTheLocalProviderStandsInForTheService) {
  const ServerProcess server(vectorize_config(kEmbeddedDatabase, "    stand_in: local\n"));
  expect_the_store_embeds(server);
  EXPECT_NE(server.output().find("the embedded store stands in for nvidia/NV-Embed-QA with the local provider"),
            std::string::npos)
      << server.output();
}

TEST(VectorizeTest, ThroughTheAstraClientTheDataApiEmbedsTheTextItIsSent) {
  DataApiProcess data_api(kToken, VectorizeLocal{kDimension});
  const ServerProcess server(vectorize_config(astra_database(data_api.base_url(), kToken), ""));
  expect_the_store_embeds(server);
}

TEST(VectorizeTest, TheEmbeddedStoreWithoutAStandInRefusesToStartSayingWhatToSet) {
  const auto result = ServerProcess::run_to_exit(vectorize_config(kEmbeddedDatabase, ""));
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.output.find("killrvideo: embedding.provider 'astra-vectorize' on database.backend 'embedded' needs "
                               "embedding.vectorize.stand_in"),
            std::string::npos)
      << result.output;
}

TEST(VectorizeTest, AStoreEmbeddedLocallyIsNotReusedUnderAstraVectorize) {
  TempDir dir;
  const std::string database = "database:\n  backend: embedded\n  embedded: { data_dir: " + dir.path() + " }\n";
  {
    const ServerProcess local(test_config("  - { name: catalog }\n", "", "",
                                          database + "embedding:\n  provider: local\n  dimension: " +
                                              std::to_string(kDimension) + "\n"));
  }
  const auto result = ServerProcess::run_to_exit(vectorize_config(database, "    stand_in: local\n"));
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.output.find("this store's vectors were made with provider 'local', dimension 96, but the config "
                               "asks for provider 'astra-vectorize', model 'nvidia/NV-Embed-QA standing in: local', "
                               "dimension 96"),
            std::string::npos)
      << result.output;
}

}  // namespace
}  // namespace killrvideo::testing
