// Plugins switched on and off while the real server serves, through the admin routes (host/app/
// AdminRoutes.h): atomic enable and disable, dependency refusals, a disable that waits for the plugin's
// running requests, and steady traffic to the other plugins that never fails during 20 cycles.
#include <atomic>
#include <iostream>
#include <mutex>
#include <chrono>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "tests/integration/TestConfig.h"
#include "tests/support/HttpClient.h"

namespace killrvideo::testing {
namespace {

using Clock = std::chrono::steady_clock;

constexpr const char* kAdminToken = "admin-token-for-the-switching-test";
const std::vector<std::string> kAdmin = {std::string("Authorization: Bearer ") + kAdminToken};

std::string config_with_admin(const std::string& plugins) {
  return test_config(plugins, "", "",
                     std::string("admin:\n  token: \"") + kAdminToken +
                         "\"\ndatabase:\n  backend: embedded\n  embedded: { data_dir: ./data }\n");
}

HttpResponse switch_plugin(HttpClient& client, const std::string& name, const std::string& action) {
  return client.post("/admin/plugins/" + name + "/" + action, "", kAdmin);
}

TEST(PluginSwitchingTest, EnablingAListedPluginServesItsRoutesSubscriptionsAndTableTogether) {
  ServerProcess server(config_with_admin("  - { name: pinger }\n  - { name: switchable, enabled: false }\n"));
  HttpClient client(server.base_url());
  EXPECT_EQ(client.get("/api/v1/fixtures/switchable/pings").status, 404);
  EXPECT_EQ(client.get("/admin/plugins", kAdmin).json(),
            nlohmann::json::parse(R"({"plugins":[{"name":"pinger","enabled":true,"version":"1.0.0"},
                                                 {"name":"switchable","enabled":false,"version":""}]})"));

  const auto enabled = switch_plugin(client, "switchable", "enable");
  ASSERT_EQ(enabled.status, 200) << enabled.body;
  EXPECT_EQ(enabled.json(), nlohmann::json::parse(R"({"name":"switchable","enabled":true,"version":"1.0.0"})"));
  ASSERT_EQ(client.post("/api/v1/fixtures/ping", "").status, 200);
  const auto pings = client.get("/api/v1/fixtures/switchable/pings");
  EXPECT_EQ(pings.status, 200) << pings.body;
  EXPECT_EQ(pings.json()["pings"], 1);
  EXPECT_NE(client.get("/metrics").body.find("killrvideo_plugin_loaded{plugin=\"switchable\",version=\"1.0.0\"} 1"),
            std::string::npos);

  // Disabled: its routes are gone and it hears nothing; its table keeps what it wrote.
  ASSERT_EQ(switch_plugin(client, "switchable", "disable").status, 200);
  EXPECT_EQ(client.get("/api/v1/fixtures/switchable/pings").status, 404);
  EXPECT_EQ(client.get("/api/v1/fixtures/switchable/sleep?ms=1").status, 404);
  ASSERT_EQ(client.post("/api/v1/fixtures/ping", "").status, 200);
  ASSERT_EQ(client.post("/api/v1/fixtures/ping", "").status, 200);
  EXPECT_EQ(client.get("/metrics").body.find("plugin=\"switchable\""), std::string::npos);

  ASSERT_EQ(switch_plugin(client, "switchable", "enable").status, 200);
  EXPECT_EQ(client.get("/api/v1/fixtures/switchable/pings").json()["pings"], 1);
  ASSERT_EQ(client.post("/api/v1/fixtures/ping", "").status, 200);
  EXPECT_EQ(client.get("/api/v1/fixtures/switchable/pings").json()["pings"], 2);
  EXPECT_NE(server.output().find("plugin 'switchable' disabled"), std::string::npos);
  EXPECT_EQ(server.output().find(kAdminToken), std::string::npos) << "the admin token must never be logged";
}

TEST(PluginSwitchingTest, RefusalsSayWhatIsWrong) {
  ServerProcess server(config_with_admin("  - { name: example, enabled: false }\n  - { name: needs_example, enabled: false }\n"
                                         "  - { name: pinger }\n"));
  HttpClient client(server.base_url());

  auto refused = switch_plugin(client, "ghost", "enable");
  EXPECT_EQ(refused.status, 404);
  EXPECT_EQ(refused.json()["detail"], "plugin 'ghost' is not listed in the config");
  refused = switch_plugin(client, "pinger", "enable");
  EXPECT_EQ(refused.status, 409);
  EXPECT_EQ(refused.json()["detail"], "plugin 'pinger' is already enabled");
  refused = switch_plugin(client, "example", "disable");
  EXPECT_EQ(refused.status, 409);
  EXPECT_EQ(refused.json()["detail"], "plugin 'example' is already disabled");

  // A requirement that is not enabled: nothing of the plugin stays.
  refused = switch_plugin(client, "needs_example", "enable");
  EXPECT_EQ(refused.status, 409);
  EXPECT_EQ(refused.json()["detail"], "plugin 'needs_example' reads table 'example_notes' of plugin 'example', which is disabled");
  EXPECT_EQ(client.get("/api/v1/fixtures/data").status, 404);

  ASSERT_EQ(switch_plugin(client, "example", "enable").status, 200);
  ASSERT_EQ(switch_plugin(client, "needs_example", "enable").status, 200);
  refused = switch_plugin(client, "example", "disable");
  EXPECT_EQ(refused.status, 409);
  EXPECT_EQ(refused.json()["detail"],
            "plugin 'example' cannot be disabled while other plugins depend on it: plugin 'needs_example' requires it; "
            "plugin 'needs_example' reads its table 'example_notes'; disable them first");
  EXPECT_EQ(client.get("/api/v1/example/greetings/Ada").status, 200);
  ASSERT_EQ(switch_plugin(client, "needs_example", "disable").status, 200);
  EXPECT_EQ(switch_plugin(client, "example", "disable").status, 200);
}

TEST(PluginSwitchingTest, TheAccountLookupProviderStaysWhileOthersAuthenticateThroughIt) {
  ServerProcess server(config_with_admin("  - { name: accounts }\n  - { name: example }\n"));
  HttpClient client(server.base_url());
  const auto refused = switch_plugin(client, "accounts", "disable");
  EXPECT_EQ(refused.status, 409);
  EXPECT_EQ(refused.json()["detail"],
            "plugin 'accounts' cannot be disabled while other plugins depend on it: plugin 'example' has routes that "
            "look up accounts through it; disable them first");
  ASSERT_EQ(switch_plugin(client, "example", "disable").status, 200);
  EXPECT_EQ(switch_plugin(client, "accounts", "disable").status, 200);
  EXPECT_EQ(client.post("/api/v1/users/login", R"({"email":"a@b.c","password":"x"})").status, 404);
  EXPECT_EQ(switch_plugin(client, "accounts", "enable").status, 200);
  EXPECT_EQ(switch_plugin(client, "example", "enable").status, 200);
}

TEST(PluginSwitchingTest, ADomainPluginOthersReadFromStays) {
  ServerProcess server(config_with_admin("  - { name: accounts }\n  - { name: catalog }\n  - { name: recommendations }\n"));
  HttpClient client(server.base_url());
  const auto refused = switch_plugin(client, "catalog", "disable");
  EXPECT_EQ(refused.status, 409);
  EXPECT_EQ(refused.json()["detail"].get<std::string>().rfind(
                "plugin 'catalog' cannot be disabled while other plugins depend on it: plugin 'recommendations' reads "
                "its table 'videos'; plugin 'recommendations' reads its table 'latest_videos'; ",
                0),
            0U)
      << refused.body;
  EXPECT_EQ(client.get("/api/v1/videos/latest").status, 200);
  ASSERT_EQ(switch_plugin(client, "recommendations", "disable").status, 200);
  // Catalog's own authenticated routes do not hold it: only other plugins' do.
  EXPECT_EQ(switch_plugin(client, "catalog", "disable").status, 200);
  EXPECT_EQ(client.get("/api/v1/videos/latest").status, 404);
  const auto needs_catalog = switch_plugin(client, "recommendations", "enable");
  EXPECT_EQ(needs_catalog.status, 409);
  EXPECT_EQ(needs_catalog.json()["detail"],
            "plugin 'recommendations' reads table 'videos' of plugin 'catalog', which is disabled");
}

TEST(PluginSwitchingTest, TheAdminRoutesNeedTheTokenAndExistOnlyWhenOneIsConfigured) {
  ServerProcess with_token(config_with_admin("  - { name: pinger }\n"));
  HttpClient client(with_token.base_url());
  for (const std::vector<std::string>& headers :
       {std::vector<std::string>{}, {"Authorization: Bearer wrong-token-of-the-same-length-xx"},
        {std::string("Authorization: ") + kAdminToken}, {std::string("Authorization: Bearer ") + kAdminToken + "x"}}) {
    const auto refused = client.post("/admin/plugins/pinger/disable", "", headers);
    EXPECT_EQ(refused.status, 401);
    EXPECT_EQ(refused.json()["detail"], "The admin routes need Authorization: Bearer <admin.token>");
    EXPECT_EQ(refused.body.find(kAdminToken), std::string::npos);
  }
  EXPECT_EQ(client.post("/api/v1/fixtures/ping", "").status, 200);

  ServerProcess without_token(test_config("  - { name: pinger }\n"));
  HttpClient other(without_token.base_url());
  EXPECT_EQ(other.get("/admin/plugins", kAdmin).status, 404);
  EXPECT_EQ(other.post("/admin/plugins/pinger/disable", "", kAdmin).status, 404);
}

TEST(PluginSwitchingTest, ATooShortAdminTokenStopsStartUp) {
  const auto result = ServerProcess::run_to_exit(
      test_config("  - { name: pinger }\n", "", "", "admin:\n  token: short\ndatabase:\n  backend: none\n"));
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.output.find("'admin.token' must be at least 16 characters"), std::string::npos) << result.output;
  EXPECT_EQ(result.output.find("short"), std::string::npos) << "the token's value is not echoed: " << result.output;
}

TEST(PluginSwitchingTest, ADisableWaitsForThePluginsRunningRequests) {
  ServerProcess server(config_with_admin("  - { name: switchable }\n"));
  HttpClient admin(server.base_url());
  HttpResponse slow;
  std::thread sleeper([&] {
    HttpClient client(server.base_url());
    slow = client.get("/api/v1/fixtures/switchable/sleep?ms=1200");
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  const auto started = Clock::now();
  const auto disabled = switch_plugin(admin, "switchable", "disable");
  const auto waited = Clock::now() - started;
  sleeper.join();
  EXPECT_EQ(disabled.status, 200) << disabled.body;
  EXPECT_EQ(slow.status, 200) << slow.body;
  EXPECT_EQ(slow.json()["slept"], 1200);
  EXPECT_GE(waited, std::chrono::milliseconds(600)) << "the disable returned before the running request finished";
  EXPECT_EQ(admin.get("/api/v1/fixtures/switchable/sleep?ms=1").status, 404);
}

TEST(PluginSwitchingTest, TwentyCyclesUnderSteadyLoadFailNoRequestToTheOtherPlugins) {
  ServerProcess server(config_with_admin(
      "  - { name: accounts }\n  - { name: catalog }\n  - { name: pinger }\n  - { name: switchable }\n"));
  std::atomic<bool> done{false};
  std::atomic<int> sent{0};
  std::atomic<int> failed{0};
  std::atomic<int> switched_unexpected{0};
  std::vector<std::string> failures;
  std::mutex failures_mutex;
  const auto record = [&](const std::string& what, const HttpResponse& response) {
    ++failed;
    const std::lock_guard lock(failures_mutex);
    if (failures.size() < 10) failures.push_back(what + " → " + std::to_string(response.status) + " " + response.body);
  };
  std::vector<std::thread> load;
  for (int worker = 0; worker < 3; ++worker) {
    load.emplace_back([&, worker] {
      HttpClient client(server.base_url());
      while (!done.load()) {
        HttpResponse response;
        if (worker == 0) {
          response = client.get("/api/v1/videos/latest?page=1&pageSize=5");
          if (response.status != 200) record("GET /api/v1/videos/latest", response);
        } else if (worker == 1) {
          response = client.post("/api/v1/fixtures/ping", "");
          if (response.status != 200) record("POST /api/v1/fixtures/ping", response);
        } else {
          response = client.get("/api/v1/users/00000000-0000-4000-8000-000000000001");
          if (response.status != 404 && response.status != 401) record("GET /api/v1/users/{id}", response);
        }
        ++sent;
      }
    });
  }
  // The switched plugin's own routes answer either normally or 404, never anything else.
  load.emplace_back([&] {
    HttpClient client(server.base_url());
    while (!done.load()) {
      const auto response = client.get("/api/v1/fixtures/switchable/sleep?ms=2");
      if (response.status != 200 && response.status != 404) ++switched_unexpected;
    }
  });

  HttpClient admin(server.base_url());
  const auto cycles_started = Clock::now();
  for (int cycle = 0; cycle < 20; ++cycle) {
    const auto disabled = switch_plugin(admin, "switchable", "disable");
    ASSERT_EQ(disabled.status, 200) << "cycle " << cycle << ": " << disabled.body;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    const auto enabled = switch_plugin(admin, "switchable", "enable");
    ASSERT_EQ(enabled.status, 200) << "cycle " << cycle << ": " << enabled.body;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  const auto cycles_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - cycles_started).count();
  done = true;
  for (auto& thread : load) thread.join();
  std::cout << "20 enable/disable cycles in " << cycles_ms << " ms (40 ms of it pauses per cycle); " << sent.load()
            << " requests to the other plugins, " << failed.load() << " failed\n";

  EXPECT_GT(sent.load(), 100) << "the load was not steady";
  EXPECT_EQ(failed.load(), 0) << (failures.empty() ? std::string() : failures.front());
  EXPECT_EQ(switched_unexpected.load(), 0);
  HttpClient client(server.base_url());
  EXPECT_EQ(client.get("/api/v1/fixtures/switchable/pings").status, 200);
}

}  // namespace
}  // namespace killrvideo::testing
