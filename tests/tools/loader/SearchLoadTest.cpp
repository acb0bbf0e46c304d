// Search on the real KillrVideo export: loaded by the real killrvideo-load (the catalog's importer
// announces each video, the search plugin indexes it), then served by the real server. The expected
// videos were read off videos_cleaned.csv: titles, and words only one video's title or description holds.

#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/support/HttpClient.h"
#include "tests/tools/loader/LoaderStore.h"

namespace killrvideo::testing {
namespace {

using nlohmann::json;

constexpr const char* kCatalogAndSearch = "  - { name: catalog }\n  - { name: search }\n";

struct KnownAnswer {
  std::string mode;
  std::string query;  // URL-encoded
  std::string video_id;
};

const std::vector<KnownAnswer>& known_answers() {
  static const std::vector<KnownAnswer> answers = {
      // Words that one video's title alone holds.
      {"keyword", "twilio", "75d27576-5a4a-478c-8f70-e99bfbdb4e23"},
      {"keyword", "Rerankers", "a5569e6d-0d1c-4610-a319-63a5b5942ff4"},
      {"keyword", "GraphRetriever", "70efb217-80d8-4b90-9e4e-4b01a8377add"},
      // A word in one video's description only.
      {"keyword", "headlines", "59530a4b-77e7-4ce4-a88d-0f11b3d61408"},
      // A title, as someone who half remembers it would type it.
      {"semantic", "email%20powered%20AI%20agent%20with%20Twilio%20and%20Langflow", "75d27576-5a4a-478c-8f70-e99bfbdb4e23"},
      {"semantic", "Mastering%20rerankers%20for%20hybrid%20search%20accuracy", "a5569e6d-0d1c-4610-a319-63a5b5942ff4"},
      {"semantic", "DataStax%20AI%20Hero%20Sreesha%20Baraar", "ea6629ca-37e3-40e8-9d25-5f8b18aad4f4"},
  };
  return answers;
}

std::vector<std::string> first_page_ids(HttpClient& client, const KnownAnswer& answer) {
  const auto response = client.get("/api/v1/search/videos?pageSize=20&mode=" + answer.mode + "&query=" + answer.query);
  EXPECT_EQ(response.status, 200) << response.body;
  const json page = response.json();
  std::vector<std::string> ids;
  for (const auto& item : page["data"]) ids.push_back(item["videoId"].get<std::string>());
  return ids;
}

TEST(SearchLoadTest, KnownQueriesFindTheirVideoOnTheFirstPageInEachMode) {
  if (!plugin_built("search")) GTEST_SKIP() << "search.so is not built in " << plugin_dir();
  if (!std::filesystem::is_directory(shared_data_dir())) {
    GTEST_SKIP() << "the KillrVideo export is not at " << shared_data_dir();
  }
  const LoaderStore store(kCatalogAndSearch);
  const auto loaded = store.load({shared_data_dir()});
  ASSERT_EQ(loaded.exit_code, 0) << loaded.output;

  ServerProcess server(store.config_yaml());
  HttpClient client(server.base_url());
  for (const auto& answer : known_answers()) {
    const auto ids = first_page_ids(client, answer);
    EXPECT_NE(std::find(ids.begin(), ids.end(), answer.video_id), ids.end())
        << answer.mode << " '" << answer.query << "' should find " << answer.video_id;
  }
  const auto tags = client.get("/api/v1/search/tags/suggest?query=cass").json();
  EXPECT_EQ(tags, json({{{"tag", "apache_cassandra"}}, {{"tag", "cassandra"}}}));
}

TEST(SearchLoadTest, ASecondLoadAndARecountChangeNothing) {
  if (!plugin_built("search")) GTEST_SKIP() << "search.so is not built in " << plugin_dir();
  if (!std::filesystem::is_directory(shared_data_dir())) {
    GTEST_SKIP() << "the KillrVideo export is not at " << shared_data_dir();
  }
  const LoaderStore store(kCatalogAndSearch);
  ASSERT_EQ(store.load({shared_data_dir()}).exit_code, 0);
  ASSERT_EQ(store.load({shared_data_dir()}).exit_code, 0);
  const auto recount = store.load({"--recount"});
  ASSERT_EQ(recount.exit_code, 0) << recount.output;
  EXPECT_NE(recount.output.find("search search_index: 0 corrected"), std::string::npos) << recount.output;
}

}  // namespace
}  // namespace killrvideo::testing
