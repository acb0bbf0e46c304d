// The real killrvideo-load without domain plugins: what it refuses with one line and exit 1, and a load
// that runs although no enabled plugin imports anything.

#include <gtest/gtest.h>

#include "tests/tools/loader/LoaderStore.h"

namespace killrvideo::testing {
namespace {

constexpr const char* kNoDomainPlugins = "  - { name: example }\n";

TEST(LoaderCommandLineTest, AStoreEmbeddedWithAnotherDimensionIsRefusedBeforeAnythingIsLoaded) {
  const LoaderStore store(kNoDomainPlugins);
  ASSERT_EQ(store.load({"--demo"}).exit_code, 0);  // the store records local, 384
  const std::string other = store.write_folder(
      "other", {{"config.yaml", store.config_yaml() + "embedding:\n  provider: local\n  dimension: 64\n"}});

  const auto result = ListeningProcess::run_to_exit(
      {build_dir() + "/bin/killrvideo-load", "--config", other + "/config.yaml", "--demo"}, other,
      std::chrono::seconds(30));

  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.output.rfind("killrvideo-load: embedding: this store's vectors were made with provider 'local', "
                                "dimension 384, but the config asks for provider 'local', dimension 64;", 0),
            0u)
      << result.output;
}

TEST(LoaderCommandLineTest, AMissingCsvFolderIsOneLineAndExitOne) {
  const LoaderStore store(kNoDomainPlugins);
  const auto result = store.load({"/nonexistent/killrvideo-data"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.output, "killrvideo-load: /nonexistent/killrvideo-data: no such directory\n");
}

TEST(LoaderCommandLineTest, AConfigErrorIsOneLineAndExitOne) {
  const LoaderStore store(kNoDomainPlugins);
  const auto folder = store.write_folder("csv", {});
  const auto result = ListeningProcess::run_to_exit(
      {build_dir() + "/bin/killrvideo-load", "--config", folder + "/missing.yaml", folder}, folder,
      std::chrono::seconds(30));
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.output,
            "killrvideo-load: cannot read config file '" + folder + "/missing.yaml': No such file or directory\n");
}

TEST(LoaderCommandLineTest, AStoreThatIsNoneIsRefused) {
  const LoaderStore store(kNoDomainPlugins);
  const std::string none_config = store.write_folder("none", {{"config.yaml", "database:\n  backend: none\n"}});
  const auto result = ListeningProcess::run_to_exit(
      {build_dir() + "/bin/killrvideo-load", "--config", none_config + "/config.yaml", "--demo"}, none_config,
      std::chrono::seconds(30));
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.output, "killrvideo-load: " + none_config +
                               "/config.yaml: database.backend is none: there is no store to load into\n");
}

TEST(LoaderCommandLineTest, AnUnloadablePluginIsOneLineAndExitOne) {
  const LoaderStore store("  - { name: no_such_plugin }\n");
  const auto result = store.load({"--demo"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.output.rfind("killrvideo-load: ", 0), 0u) << result.output;
  EXPECT_NE(result.output.find("no_such_plugin"), std::string::npos) << result.output;
}

TEST(LoaderCommandLineTest, NeitherCsvFolderNorDemoNorRecountIsAUsageError) {
  const LoaderStore store(kNoDomainPlugins);
  const auto result = store.load({});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.output, "killrvideo-load: give CSV_DIR, --demo or --recount (see --help)\n");
}

TEST(LoaderCommandLineTest, DataSetsNoEnabledPluginImportsAreSkippedAndTheLoadStillSucceeds) {
  const LoaderStore store(kNoDomainPlugins);
  const auto folder = store.write_folder("csv", {{"users.csv", "userid\n1\n"}});
  const auto result = store.load({folder});
  EXPECT_EQ(result.exit_code, 0) << result.output;
  EXPECT_EQ(result.output,
            "users.csv: skipped, no enabled plugin imports data set 'users'\n"
            "user_credentials.csv: skipped, no enabled plugin imports data set 'user_credentials'\n"
            "videos_cleaned.csv: skipped, no enabled plugin imports data set 'videos'\n"
            "video_playback_stats.csv: skipped, no enabled plugin imports data set 'video_playback_stats'\n"
            "comments.csv: skipped, no enabled plugin imports data set 'comments'\n"
            "video_ratings_by_user.csv: skipped, no enabled plugin imports data set 'video_ratings_by_user'\n");
}

TEST(LoaderCommandLineTest, IfEmptyOnAStoreWithoutAVideosTableLoadsAsIntoAnEmptyStore) {
  const LoaderStore store(kNoDomainPlugins);
  const auto result = store.load({"--demo", "--if-empty"});
  EXPECT_EQ(result.exit_code, 0) << result.output;
  EXPECT_EQ(result.output.rfind("demo users: skipped, no enabled plugin imports data set 'users'\n", 0), 0u)
      << result.output;
}

}  // namespace
}  // namespace killrvideo::testing
