// Start-up of the real binary with good and deliberately bad plugins and configs: each problem is one
// line on stderr and a non-zero exit; enabling and disabling plugins changes what is served.

#include <gtest/gtest.h>

#include "killrvideo/plugin/Abi.h"
#include "tests/integration/TestConfig.h"
#include "tests/support/HttpClient.h"

namespace killrvideo::testing {
namespace {

// The single line the server printed for its start-up error.
std::string error_line(const ExitResult& result) {
  const auto at = result.output.find("killrvideo: ");
  if (at == std::string::npos) return "(no error line) " + result.output;
  return result.output.substr(at, result.output.find('\n', at) - at);
}

ExitResult start_with(const std::string& plugins) { return ServerProcess::run_to_exit(test_config(plugins)); }

TEST(PluginStartupTest, MissingPluginFileNamesTheDirectoriesSearched) {
  const auto result = start_with("  - { name: nosuch }\n");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(error_line(result), "killrvideo: plugin 'nosuch': no file nosuch.so in " + plugin_dir() + ", " +
                                    fixture_dir());
}

TEST(PluginStartupTest, MissingAbsolutePathIsNamed) {
  const auto result = start_with("  - { name: /nonexistent/dir/ghost.so }\n");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(error_line(result), "killrvideo: plugin 'ghost' (/nonexistent/dir/ghost.so): file not found");
}

TEST(PluginStartupTest, LibraryWithoutEntryPointIsNotAPlugin) {
  const auto result = start_with("  - { name: no_entry_point }\n");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(error_line(result), "killrvideo: plugin 'no_entry_point' (" + fixture_dir() +
                                    "/no_entry_point.so): not a KillrVideo plugin: no entry point "
                                    "'killrvideo_plugin_entry'");
}

TEST(PluginStartupTest, WrongFingerprintNamesEachDifferingFieldAndItsFix) {
  const auto result = start_with("  - { name: wrong_fingerprint }\n");
  EXPECT_EQ(result.exit_code, 1);
  const std::string line = error_line(result);
  EXPECT_NE(line.find("plugin 'wrong_fingerprint' (" + fixture_dir() + "/wrong_fingerprint.so): ABI fingerprint "
                      "mismatch: C++ compiler ABI (__GXX_ABI_VERSION): host " KILLRVIDEO_STRINGIFY(__GXX_ABI_VERSION)
                      ", plugin 0 — build the plugin with the compiler the host was built with"),
            std::string::npos)
      << line;
  for (const char* fix : {"build the plugin with -D_GLIBCXX_USE_CXX11_ABI=1", "build the plugin with -std=c++17",
                          "build the plugin against nlohmann/json 3.", "; plugin-api headers: host "
                          KILLRVIDEO_PLUGIN_API_VERSION ", plugin 0.0.0 — rebuild the plugin against plugin-api "}) {
    EXPECT_NE(line.find(fix), std::string::npos) << fix << " in " << line;
  }
}

TEST(PluginStartupTest, WrongAbiMajorShowsBothVersions) {
  const auto result = start_with("  - { name: wrong_abi_major }\n");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(error_line(result).find("): ABI major version mismatch: host 1, plugin 2 — rebuild the plugin against "
                                    "plugin-api " KILLRVIDEO_PLUGIN_API_VERSION),
            std::string::npos)
      << error_line(result);
}

TEST(PluginStartupTest, BadMagicIsRefused) {
  const auto result = start_with("  - { name: bad_magic }\n");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(error_line(result).find("bad descriptor magic: host 0x4b565047, plugin 0xdeadbeef"), std::string::npos)
      << error_line(result);
}

TEST(PluginStartupTest, TwoPluginsClaimingOneRouteAreBothNamed) {
  const auto result = start_with("  - { name: throwing }\n  - { name: route_thief }\n");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(error_line(result),
            "killrvideo: plugins 'throwing' and 'route_thief' both register the route GET /api/v1/fixtures/ok");
}

TEST(PluginStartupTest, TwoPluginsClaimingOneTableAreBothNamed) {
  const auto result = start_with("  - { name: example }\n  - { name: table_thief }\n");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(error_line(result), "killrvideo: plugins 'example' and 'table_thief' both own the table 'example_notes'");
}

TEST(PluginStartupTest, ReadingATableOfADisabledOwnerFails) {
  const auto result = start_with("  - { name: example, enabled: false }\n  - { name: needs_example }\n");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(error_line(result), "killrvideo: plugin 'needs_example' reads table 'example_notes' of plugin "
                                "'example', which is disabled");
}

TEST(PluginStartupTest, DependentStartsAfterItsDependencyWhateverTheListOrder) {
  ServerProcess server(test_config("  - { name: needs_example }\n  - { name: example }\n"));
  const std::string log = server.output();
  const auto example_started = log.find("plugin 'example' started");
  const auto dependent_started = log.find("plugin 'needs_example' started");
  ASSERT_NE(example_started, std::string::npos) << log;
  ASSERT_NE(dependent_started, std::string::npos) << log;
  EXPECT_LT(example_started, dependent_started);
  server.send_terminate();
  EXPECT_EQ(server.wait_exit(std::chrono::seconds(10)), 0);
  const std::string final_log = server.output();
  EXPECT_LT(final_log.find("plugin 'needs_example' stopped"), final_log.find("plugin 'example' stopped"))
      << "stop order is the reverse of start order";
}

TEST(PluginStartupTest, UnknownConfigKeyNamesKeyAndLine) {
  const auto result = ServerProcess::run_to_exit("server:\n  listen: 127.0.0.1\n  prot: 8000\n");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(error_line(result).find("config.yaml:3: unknown key 'server.prot'"), std::string::npos)
      << error_line(result);
}

TEST(PluginStartupTest, WrongConfigTypeNamesKeyAndLine) {
  const auto result = ServerProcess::run_to_exit("server:\n  workers: many\n");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(error_line(result).find("config.yaml:2: 'server.workers'"), std::string::npos) << error_line(result);
}

TEST(PluginStartupTest, NoJwtSecretOutsideDevelopmentRefusesToStart) {
  const auto result = ServerProcess::run_to_exit("auth:\n  jwt_secret: \"\"\ndatabase:\n  backend: none\n");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(error_line(result).find("auth.jwt_secret is empty"), std::string::npos) << error_line(result);
}

TEST(PluginStartupTest, DevelopmentConfigStartsWithoutSecretAndSaysSo) {
  ServerProcess server("server: { listen: 127.0.0.1 }\nauth: { development: true }\ndatabase: { backend: none }\n");
  EXPECT_NE(server.output().find("is a development config"), std::string::npos) << server.output();
}

TEST(PluginStartupTest, DisabledPluginsRoutesAnswer404) {
  ServerProcess enabled(test_config("  - { name: example, enabled: true }\n"));
  ServerProcess disabled(test_config("  - { name: example, enabled: false }\n"));
  HttpClient to_enabled(enabled.base_url());
  HttpClient to_disabled(disabled.base_url());
  EXPECT_EQ(to_enabled.get("/api/v1/example/greetings/ann").status, 200);
  const auto missing = to_disabled.get("/api/v1/example/greetings/ann");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.json(), nlohmann::json({{"detail", "Not Found"}}));
  EXPECT_NE(disabled.output().find("plugin 'example' is disabled in the config: not loaded"), std::string::npos);
}

TEST(PluginStartupTest, PluginConfigBlockReachesThePlugin) {
  ServerProcess server(test_config("  - { name: example, config: { greeting: Howdy } }\n"));
  HttpClient client(server.base_url());
  EXPECT_EQ(client.get("/api/v1/example/greetings/ann").json()["greeting"], "Howdy, ann!");
}

TEST(PluginStartupTest, PortFlagOverridesTheFile) {
  ServerProcess server(test_config("  - { name: example }\n", "port: 1"));  // --port 0 wins over 1
  EXPECT_NE(server.port(), 1);
  HttpClient client(server.base_url());
  EXPECT_EQ(client.get("/").status, 200);
}

}  // namespace
}  // namespace killrvideo::testing
