// What plugin-api/README.md promises a new plugin author, done as they would do it in a temporary folder:
// install the SDK into a prefix, scaffold a plugin outside this tree, build and unit-test it against the
// installed SDK (find_package), then serve it with the real host binary on a free port and call its route.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "killrvideo/plugin/Abi.h"
#include "tests/support/HttpClient.h"
#include "tests/support/ServerProcess.h"

namespace killrvideo::testing {
namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& file) {
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

ExitResult run(std::vector<std::string> argv, const std::string& working_dir, int timeout_seconds = 60) {
  return ListeningProcess::run_to_exit(std::move(argv), working_dir, std::chrono::seconds(timeout_seconds));
}

// One SDK installed for every test here: installing is the first thing an author does.
class ScaffoldTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    root_ = new TempDir();
    // ccache keys paths below this root relatively, so each run's fresh temporary folder reuses the last one.
    setenv("CCACHE_BASEDIR", root_->path().c_str(), 1);
    install_ = new ExitResult(run({KILLRVIDEO_CMAKE_COMMAND, "--install", build_dir(), "--prefix", prefix()}, root_->path()));
  }
  static void TearDownTestSuite() {
    delete install_;
    delete root_;
  }
  void SetUp() override { ASSERT_EQ(install_->exit_code, 0) << install_->output; }

  static std::string prefix() { return root_->path() + "/sdk"; }
  static std::string tool() { return prefix() + "/bin/killrvideo-plugin"; }

  static TempDir* root_;
  static ExitResult* install_;
};

TempDir* ScaffoldTest::root_ = nullptr;
ExitResult* ScaffoldTest::install_ = nullptr;

TEST_F(ScaffoldTest, InstallsADebianStyleLayoutWithAPackageConfigAndVersion) {
  for (const char* file : {"include/killrvideo/plugin/Abi.h", "include/killrvideo/plugin/data/Table.h",
                           "include/killrvideo/plugin/testing/FakeHost.h",
                           "include/killrvideo/plugin/testing/DataReplies.h", "lib/libkillrvideo_plugin_api.a",
                           "lib/libkillrvideo_plugin_testing.a", "lib/cmake/KillrVideoPluginApi/KillrVideoPluginApiConfig.cmake",
                           "lib/cmake/KillrVideoPluginApi/KillrVideoPluginApiConfigVersion.cmake",
                           "lib/cmake/KillrVideoPluginApi/KillrvideoPlugin.cmake", "bin/killrvideo-plugin",
                           "share/killrvideo-plugin/template/CMakeLists.txt"}) {
    EXPECT_TRUE(fs::is_regular_file(prefix() + "/" + file)) << file;
  }
  EXPECT_NE(read_file(prefix() + "/lib/cmake/KillrVideoPluginApi/KillrVideoPluginApiConfigVersion.cmake")
                .find("set(PACKAGE_VERSION \"" KILLRVIDEO_PLUGIN_API_VERSION "\")"),
            std::string::npos);
}

TEST_F(ScaffoldTest, ThreeCommandsFromNothingToAServedRoute) {
  const std::string dir = root_->path() + "/hello";
  // 1. scaffold
  const auto scaffolded = run({tool(), "new", "hello", "--dir", dir}, root_->path());
  ASSERT_EQ(scaffolded.exit_code, 0) << scaffolded.output;
  EXPECT_NE(scaffolded.output.find("wrote plugin 'hello' to " + dir), std::string::npos) << scaffolded.output;
  for (const char* file : {"CMakeLists.txt", "README.md", "plugin.yaml", "killrvideo.yaml", "src/plugin.cpp",
                           "src/HelloPlugin.h", "src/HelloPlugin.cpp", "tests/HelloPluginTest.cpp"}) {
    EXPECT_TRUE(fs::is_regular_file(dir + "/" + file)) << file;
  }
  // 2. build (configure against the installed SDK, compile, run the plugin's own unit test)
  const auto built = run({tool(), "build", "--dir", dir}, root_->path(), 600);
  ASSERT_EQ(built.exit_code, 0) << built.output;
  EXPECT_NE(built.output.find("100% tests passed, 0 tests failed out of 5"), std::string::npos) << built.output;
  ASSERT_TRUE(fs::is_regular_file(dir + "/build/hello.so"));
  // 3. serve it with the real host (on a free port instead of the config's 8000) and call the route
  ServerProcess server(read_file(dir + "/killrvideo.yaml"));
  HttpClient client(server.base_url());
  const auto answer = client.get("/api/v1/hello/videos/00000000-0000-4000-8000-000000000001");
  EXPECT_EQ(answer.status, 200) << answer.body;
  EXPECT_EQ(answer.json(), nlohmann::json::parse(R"({"greeting":"Hello","videoId":"00000000-0000-4000-8000-000000000001",
                                                     "lastViewedAt":null})"));
  EXPECT_EQ(client.get("/api/v1/hello/videos/not-a-uuid").status, 404);
  EXPECT_NE(server.output().find("plugin 'hello' 0.1.0 loaded from " + dir + "/build/hello.so"), std::string::npos)
      << server.output();
}

TEST_F(ScaffoldTest, RefusesANameThatCannotBeAPluginAndAFolderInUse) {
  const auto bad_name = run({tool(), "new", "Hello-World", "--dir", root_->path() + "/bad"}, root_->path());
  EXPECT_EQ(bad_name.exit_code, 1);
  EXPECT_NE(bad_name.output.find("killrvideo-plugin: plugin name 'Hello-World' must be 1-40 characters of a-z, 0-9 "
                                 "and _, starting with a letter"),
            std::string::npos)
      << bad_name.output;
  EXPECT_FALSE(fs::exists(root_->path() + "/bad"));

  const std::string used = root_->path() + "/used";
  fs::create_directories(used);
  std::ofstream(used + "/keep.txt") << "mine";
  const auto in_use = run({tool(), "new", "other", "--dir", used}, root_->path());
  EXPECT_EQ(in_use.exit_code, 1);
  EXPECT_NE(in_use.output.find(used + " exists and is not empty"), std::string::npos) << in_use.output;
  EXPECT_EQ(read_file(used + "/keep.txt"), "mine");
}

TEST_F(ScaffoldTest, AnOutOfTreeBuildWithoutTheSdkSaysWhatIsMissing) {
  const std::string dir = root_->path() + "/orphan";
  ASSERT_EQ(run({tool(), "new", "orphan", "--dir", dir}, root_->path()).exit_code, 0);
  // Not in the system's prefixes either (a machine may have an SDK in /usr/local).
  const auto configured =
      run({KILLRVIDEO_CMAKE_COMMAND, "-S", dir, "-B", dir + "/build", "-DCMAKE_FIND_USE_CMAKE_SYSTEM_PATH=OFF"}, root_->path());
  EXPECT_NE(configured.exit_code, 0);
  EXPECT_NE(configured.output.find("Add the installation prefix of \"KillrVideoPluginApi\" to CMAKE_PREFIX_PATH"),
            std::string::npos)
      << configured.output;
}

}  // namespace
}  // namespace killrvideo::testing
