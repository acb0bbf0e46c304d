// The kit's own promises: it routes like the host, records registrations, and manages the plugin's life.
#include "killrvideo/plugin/testing/FakeHost.h"

#include <stdexcept>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "killrvideo/plugin/Responses.h"
#include "killrvideo/plugin/testing/ResponseJson.h"

namespace {

using killrvideo::plugin::Access;
using killrvideo::plugin::HostServices;
using killrvideo::plugin::Method;
using killrvideo::plugin::Principal;
using killrvideo::plugin::Registrar;
using killrvideo::plugin::Request;
using killrvideo::plugin::Response;
using killrvideo::plugin::testing::FakeHost;
using killrvideo::plugin::testing::response_json;
using nlohmann::json;
namespace plugin = killrvideo::plugin;

// Answers with what the handler saw, so routing tests can check it.
Response echo_request(const Request& request) {
  json params = json::object();
  for (const char* name : {"id", "name"}) {
    if (auto value = request.path_param(name)) params[name] = std::string(*value);
  }
  return plugin::json_response(200, {{"path", request.path()},
                                     {"params", params},
                                     {"userId", request.principal() ? json(request.principal()->user_id) : json()}});
}

const Principal kCaller{"u1", {"viewer"}};

TEST(FakeHostRouting, LiteralSegmentsBeatParametersWhateverTheOrder) {
  FakeHost host("test");
  host.route(Method::Get, "/videos/{id}", Access::Public, echo_request);
  host.route(Method::Get, "/videos/latest", Access::Public,
             [](const Request&) { return plugin::json_response(200, {{"latest", true}}); });

  EXPECT_EQ(response_json(host.call(Method::Get, "/videos/latest")), json({{"latest", true}}));
  EXPECT_EQ(response_json(host.call(Method::Get, "/videos/other"))["params"], json({{"id", "other"}}));
}

TEST(FakeHostRouting, PathParamsAreDecodedAndAnEncodedSlashStaysInOne) {
  FakeHost host("test");
  host.route(Method::Get, "/files/{name}", Access::Public, echo_request);

  EXPECT_EQ(response_json(host.call(Method::Get, "/files/a%2Fb%20c?x=1")),
            json({{"path", "/files/a/b c"}, {"params", {{"name", "a/b c"}}}, {"userId", nullptr}}));
}

TEST(FakeHostRouting, UuidParamsMatchOnlyLowercaseCanonicalUuids) {
  FakeHost host("test");
  host.route(Method::Get, "/videos/{id:uuid}", Access::Public, echo_request);

  EXPECT_EQ(host.call(Method::Get, "/videos/9f0c3a52-4a0e-4d3b-8f3e-6b1f2d9c7a10").status, 200);
  const auto upper = host.call(Method::Get, "/videos/9F0C3A52-4A0E-4D3B-8F3E-6B1F2D9C7A10");
  EXPECT_EQ(upper.status, 404);
  EXPECT_EQ(response_json(upper), json({{"detail", "Not Found"}}));
}

TEST(FakeHostRouting, TrailingSlashMatchesNothing) {
  FakeHost host("test");
  host.route(Method::Get, "/videos", Access::Public, echo_request);

  EXPECT_EQ(host.call(Method::Get, "/videos/").status, 404);
}

TEST(FakeHostRouting, OtherMethodOnAKnownPathIs405) {
  FakeHost host("test");
  host.route(Method::Get, "/videos/{id}", Access::Public, echo_request);

  const auto response = host.call(Method::Put, "/videos/1");
  EXPECT_EQ(response.status, 405);
  EXPECT_EQ(response_json(response), json({{"detail", "Method Not Allowed"}}));
}

TEST(FakeHostRouting, PublicRoutesNeverSeeThePrincipal) {
  FakeHost host("test");
  host.route(Method::Get, "/public/{id}", Access::Public, echo_request);
  host.route(Method::Get, "/optional/{id}", Access::Optional, echo_request);

  EXPECT_EQ(response_json(host.call(Method::Get, "/public/1", nullptr, kCaller))["userId"], nullptr);
  EXPECT_EQ(response_json(host.call(Method::Get, "/optional/1", nullptr, kCaller))["userId"], "u1");
}

TEST(FakeHostRouting, HandlerFailuresComeBackGuarded) {
  FakeHost host("test");
  host.route(Method::Get, "/boom", Access::Public, [](const Request&) -> Response { throw std::logic_error("bug"); });

  const auto response = host.call(Method::Get, "/boom?x=1");
  EXPECT_EQ(response.status, 500);
  EXPECT_EQ(response_json(response)["instance"], "http://testserver/boom?x=1");
  EXPECT_EQ(response.failure, "bug");
}

// A plugin that makes one registration of every kind.
class RecordingPlugin : public plugin::Plugin {
 public:
  explicit RecordingPlugin(HostServices&) {}
  void register_with(Registrar& registrar) override {
    registrar.route(Method::Get, "/recording/{id:uuid}", Access::Viewer, echo_request);
    registrar.own_table("recordings", {{"columns", {{"id", "uuid"}}}, {"primaryKey", "id"}});
    registrar.own_collection("recording_counts", json::object());
    registrar.read_table("accounts", "users");
    registrar.require_plugin("accounts");
    registrar.subscribe("user.created", [](const std::string&, const json&) {});
    registrar.provide_account_lookup(
        [](const std::string& id) { return plugin::StoredAccount{id == "u1", {"viewer"}, ""}; });
  }
};

// Writes each life-cycle call where a test can read it after the host is gone.
class LifeCyclePlugin : public plugin::Plugin {
 public:
  static inline std::vector<std::string> calls;
  static inline bool fail_start = false;

  explicit LifeCyclePlugin(HostServices&) { calls.push_back("construct"); }
  ~LifeCyclePlugin() override { calls.push_back("destroy"); }
  void register_with(Registrar&) override { calls.push_back("register"); }
  void start() override {
    calls.push_back("start");
    if (fail_start) throw std::runtime_error("cannot start");
  }
  void stop() override { calls.push_back("stop"); }
};

class FakeHostLifeCycle : public ::testing::Test {
 protected:
  void SetUp() override {
    LifeCyclePlugin::calls.clear();
    LifeCyclePlugin::fail_start = false;
  }
};

TEST_F(FakeHostLifeCycle, RegistersStartsThenStopsBeforeDestroying) {
  {
    FakeHost host("life");
    host.load<LifeCyclePlugin>();
    EXPECT_EQ(LifeCyclePlugin::calls, (std::vector<std::string>{"construct", "register", "start"}));
  }
  EXPECT_EQ(LifeCyclePlugin::calls, (std::vector<std::string>{"construct", "register", "start", "stop", "destroy"}));
}

TEST_F(FakeHostLifeCycle, APluginThatFailedToStartIsNotStopped) {
  LifeCyclePlugin::fail_start = true;
  {
    FakeHost host("life");
    EXPECT_THROW(host.load<LifeCyclePlugin>(), std::runtime_error);
  }
  EXPECT_EQ(LifeCyclePlugin::calls, (std::vector<std::string>{"construct", "register", "start", "destroy"}));
}

TEST(FakeHostLoading, RecordsEveryRegistration) {
  FakeHost host("recording");
  host.load<RecordingPlugin>();

  ASSERT_EQ(host.routes().size(), 1u);
  EXPECT_EQ(host.routes()[0].access, Access::Viewer);
  ASSERT_EQ(host.owned_tables().size(), 1u);
  EXPECT_EQ(host.owned_tables()[0].name, "recordings");
  ASSERT_EQ(host.owned_collections().size(), 1u);
  EXPECT_EQ(host.owned_collections()[0].name, "recording_counts");
  ASSERT_EQ(host.reads().size(), 1u);
  EXPECT_EQ(host.reads()[0].owner_plugin, "accounts");
  EXPECT_EQ(host.reads()[0].table, "users");
  EXPECT_EQ(host.required_plugins(), std::vector<std::string>{"accounts"});
  EXPECT_EQ(host.subscriptions(), std::vector<std::string>{"user.created"});
  ASSERT_TRUE(host.account_lookup());
  EXPECT_TRUE(host.account_lookup()("u1").found);
  EXPECT_FALSE(host.account_lookup()("u2").found);
}

TEST(FakeHostLoading, RefusesASecondPlugin) {
  FakeHost host("recording");
  host.load<RecordingPlugin>();
  EXPECT_THROW(host.load<RecordingPlugin>(), std::logic_error);
}

class ConflictingPlugin : public plugin::Plugin {
 public:
  explicit ConflictingPlugin(HostServices&) {}
  void register_with(Registrar& registrar) override {
    registrar.route(Method::Get, "/a/{x}", Access::Public, echo_request);
    registrar.route(Method::Get, "/a/{y}", Access::Public, echo_request);
    registrar.route(Method::Get, "no-slash", Access::Public, echo_request);
    registrar.own_table("t", json::object());
    registrar.own_table("t", json::object());
  }
};

TEST(FakeHostLoading, RefusesConflictingAndMalformedRegistrationsNamingEach) {
  FakeHost host("conflicting");
  try {
    host.load<ConflictingPlugin>();
    FAIL() << "expected std::logic_error";
  } catch (const std::logic_error& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("GET /a/{y} conflicts with /a/{x}"), std::string::npos) << message;
    EXPECT_NE(message.find("no-slash"), std::string::npos) << message;
    EXPECT_NE(message.find("'t' declared twice"), std::string::npos) << message;
  }
}

}  // namespace
