// Search on the real KillrVideo export: loaded by the real killrvideo-load (the catalog's importer
// announces each video, the search plugin indexes it), then served by the real server. The expected
// videos were read off videos_cleaned.csv: titles, and words only one video's title or description holds.
// They are named by title (each unique in the file): the loader gives the videos the ids the other files
// use, not those of videos_cleaned.csv.

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
  std::string title;
};

const std::vector<KnownAnswer>& known_answers() {
  static const std::vector<KnownAnswer> answers = {
      // Words that one video's title alone holds.
      {"keyword", "twilio", "Build an Email-Powered AI Agent with Twilio and Langflow"},
      {"keyword", "Rerankers", "Mastering Rerankers for AI Vector and Hybrid Search Accuracy"},
      {"keyword", "GraphRetriever", "Connect the Dots in Your RAG Pipeline with Graph RAG and GraphRetriever"},
      // A word in one video's description only.
      {"keyword", "headlines", "Build AI-Powered Apps Faster with Langflow"},
      // A title, as someone who half remembers it would type it.
      {"semantic", "email%20powered%20AI%20agent%20with%20Twilio%20and%20Langflow",
       "Build an Email-Powered AI Agent with Twilio and Langflow"},
      {"semantic", "Mastering%20rerankers%20for%20hybrid%20search%20accuracy",
       "Mastering Rerankers for AI Vector and Hybrid Search Accuracy"},
      {"semantic", "DataStax%20AI%20Hero%20Sreesha%20Baraar", "DataStax AI Hero: Sreesha Baraar"},
  };
  return answers;
}

std::vector<std::string> first_page_titles(HttpClient& client, const KnownAnswer& answer) {
  const auto response = client.get("/api/v1/search/videos?pageSize=20&mode=" + answer.mode + "&query=" + answer.query);
  EXPECT_EQ(response.status, 200) << response.body;
  const json page = response.json();
  std::vector<std::string> titles;
  for (const auto& item : page["data"]) titles.push_back(item["title"].get<std::string>());
  return titles;
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
    const auto titles = first_page_titles(client, answer);
    EXPECT_NE(std::find(titles.begin(), titles.end(), answer.title), titles.end())
        << answer.mode << " '" << answer.query << "' should find '" << answer.title << "'";
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
