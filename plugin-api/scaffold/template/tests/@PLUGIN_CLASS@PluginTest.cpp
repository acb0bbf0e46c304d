// The @PLUGIN_NAME@ plugin in-process, through the SDK's testing kit: no server, no HTTP. FakeHost records
// every Data API command the plugin sends and answers with the replies the test queues; EngineBackedHost
// puts the real embedded engine behind it instead, for the plugin's data logic end to end.
#include "@PLUGIN_CLASS@Plugin.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "killrvideo/plugin/testing/DataReplies.h"
#include "killrvideo/plugin/testing/EngineBackedHost.h"
#include "killrvideo/plugin/testing/FakeHost.h"
#include "killrvideo/plugin/testing/ResponseJson.h"

namespace {

namespace kv = killrvideo::plugin;
namespace replies = killrvideo::plugin::testing::replies;
using killrvideo::plugin::testing::EngineBackedHost;
using killrvideo::plugin::testing::FakeHost;
using killrvideo::plugin::testing::response_json;
using nlohmann::json;

constexpr const char* kVideo = "00000000-0000-4000-8000-000000000001";

TEST(@PLUGIN_CLASS@PluginTest, DeclaresItsRouteTableAndSubscription) {
  FakeHost host("@PLUGIN_NAME@");
  host.load<@PLUGIN_NAME@::@PLUGIN_CLASS@Plugin>();

  ASSERT_EQ(host.routes().size(), 1u);
  EXPECT_EQ(host.routes()[0].path, "/api/v1/@PLUGIN_NAME@/videos/{videoId:uuid}");
  ASSERT_EQ(host.owned_tables().size(), 1u);
  EXPECT_EQ(host.owned_tables()[0].name, "@PLUGIN_NAME@_last_views");
  EXPECT_EQ(host.subscriptions(), std::vector<std::string>{"video.viewed"});
}

TEST(@PLUGIN_CLASS@PluginTest, AViewIsWrittenToItsTableAndAnswered) {
  FakeHost host("@PLUGIN_NAME@", {{"greeting", "Hi"}});
  host.load<@PLUGIN_NAME@::@PLUGIN_CLASS@Plugin>();
  host.clock().set_now_ms(1'750'000'000'000);

  host.data().queue_response(replies::inserted_row({kVideo}));
  host.publish("video.viewed", {{"videoId", kVideo}});
  ASSERT_TRUE(host.events().failures().empty());
  ASSERT_EQ(host.data().calls().size(), 1u);
  EXPECT_EQ(host.data().calls()[0].target, "@PLUGIN_NAME@_last_views");
  EXPECT_EQ(host.data().calls()[0].command["insertOne"]["document"]["viewed_at"], "2025-06-15T15:06:40.000Z");

  host.data().queue_response(replies::found_one({{"video_id", kVideo}, {"viewed_at", "2025-06-15T15:06:40.000Z"}}));
  const kv::Response response = host.call(kv::Method::Get, std::string("/api/v1/@PLUGIN_NAME@/videos/") + kVideo);
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response_json(response),
            json({{"greeting", "Hi"}, {"videoId", kVideo}, {"lastViewedAt", "2025-06-15T15:06:40.000Z"}}));
}

TEST(@PLUGIN_CLASS@PluginTest, AVideoNeverViewedHasNoLastView) {
  FakeHost host("@PLUGIN_NAME@");
  host.load<@PLUGIN_NAME@::@PLUGIN_CLASS@Plugin>();

  host.data().queue_response(replies::found_none());
  const kv::Response response = host.call(kv::Method::Get, std::string("/api/v1/@PLUGIN_NAME@/videos/") + kVideo);
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response_json(response), json({{"greeting", "Hello"}, {"videoId", kVideo}, {"lastViewedAt", nullptr}}));
}

TEST(@PLUGIN_CLASS@PluginTest, OnTheRealEngineAViewIsStoredThenAnswered) {
  EngineBackedHost host("@PLUGIN_NAME@");
  host.load<@PLUGIN_NAME@::@PLUGIN_CLASS@Plugin>();  // also creates @PLUGIN_NAME@_last_views in the engine
  host.fake().clock().set_now_ms(1'750'000'000'000);

  host.fake().publish("video.viewed", {{"videoId", kVideo}});
  ASSERT_TRUE(host.fake().events().failures().empty());
  const kv::Response response = host.fake().call(kv::Method::Get, std::string("/api/v1/@PLUGIN_NAME@/videos/") + kVideo);
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response_json(response)["lastViewedAt"], "2025-06-15T15:06:40Z");
}

TEST(@PLUGIN_CLASS@PluginTest, AnEventWithoutAVideoIdIsAFailedDeliveryNotACrash) {
  FakeHost host("@PLUGIN_NAME@");
  host.load<@PLUGIN_NAME@::@PLUGIN_CLASS@Plugin>();

  host.publish("video.viewed", {{"userId", kVideo}});
  ASSERT_EQ(host.events().failures().size(), 1u);
  EXPECT_TRUE(host.data().calls().empty());
}

}  // namespace
