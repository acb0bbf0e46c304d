// What the example plugin registers, how it reacts to events and config, and the framework answers
// around its routes.
#include "ExamplePlugin.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "killrvideo/plugin/testing/FakeHost.h"
#include "killrvideo/plugin/testing/ResponseJson.h"

namespace {

using killrvideo::example::ExamplePlugin;
using killrvideo::plugin::Access;
using killrvideo::plugin::Method;
using killrvideo::plugin::testing::FakeHost;
using killrvideo::plugin::testing::response_json;
using nlohmann::json;

TEST(ExamplePlugin, RegistersFourRoutesWithTheirAccess) {
  FakeHost host("example");
  host.load<ExamplePlugin>();

  const auto routes = host.routes();
  ASSERT_EQ(routes.size(), 4u);
  EXPECT_EQ(routes[0].method, Method::Get);
  EXPECT_EQ(routes[0].path, "/api/v1/example/greetings/{name}");
  EXPECT_EQ(routes[0].access, Access::Public);
  EXPECT_EQ(routes[1].method, Method::Post);
  EXPECT_EQ(routes[1].path, "/api/v1/example/echo");
  EXPECT_EQ(routes[1].access, Access::AnyAuth);
  EXPECT_EQ(routes[2].method, Method::Post);
  EXPECT_EQ(routes[2].path, "/api/v1/example/notes");
  EXPECT_EQ(routes[2].access, Access::AnyAuth);
  EXPECT_EQ(routes[3].method, Method::Get);
  EXPECT_EQ(routes[3].path, "/api/v1/example/notes/{noteId:uuid}");
  EXPECT_EQ(routes[3].access, Access::Public);
}

TEST(ExamplePlugin, OwnsTheNotesTableWithASinglePartitionKey) {
  FakeHost host("example");
  host.load<ExamplePlugin>();

  ASSERT_EQ(host.owned_tables().size(), 1u);
  EXPECT_EQ(host.owned_tables()[0].name, "example_notes");
  EXPECT_EQ(host.owned_tables()[0].definition.dump(),
            R"({"definition":{"columns":{"note_id":"uuid","author":"uuid","body":"text","created_at":"timestamp"},)"
            R"("primaryKey":"note_id"},"indexes":[],"vectorIndexes":[]})");
  EXPECT_TRUE(host.owned_collections().empty());
  EXPECT_TRUE(host.reads().empty());
  EXPECT_TRUE(host.required_plugins().empty());
}

TEST(ExamplePlugin, SubscribesToVideoViewedOnly) {
  FakeHost host("example");
  host.load<ExamplePlugin>();

  EXPECT_EQ(host.subscriptions(), std::vector<std::string>{"video.viewed"});
}

TEST(ExamplePlugin, CountsVideoViewedEvents) {
  FakeHost host("example");
  host.load<ExamplePlugin>();

  host.publish("video.viewed", {{"videoId", "00000000-0000-4000-8000-000000000001"}});
  host.publish("video.viewed", {{"videoId", "00000000-0000-4000-8000-000000000002"}});
  host.publish("video.rated", {{"videoId", "00000000-0000-4000-8000-000000000001"}});

  const auto response = host.call(Method::Get, "/api/v1/example/greetings/Ada");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response_json(response), json({{"greeting", "Hello, Ada!"}, {"viewsSeen", 2}}));
  EXPECT_TRUE(host.events().failures().empty());
  EXPECT_TRUE(host.events().published().empty());
}

TEST(ExamplePlugin, RefusesAGreetingThatIsNotAString) {
  FakeHost host("example", {{"greeting", 42}});

  EXPECT_THROW(host.load<ExamplePlugin>(), std::invalid_argument);
}

TEST(ExamplePlugin, UnknownPathIsTheFramework404) {
  FakeHost host("example");
  host.load<ExamplePlugin>();

  const auto response = host.call(Method::Get, "/api/v1/example/nothing-here");
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response_json(response), json({{"detail", "Not Found"}}));
}

TEST(ExamplePlugin, GreetingsWithoutANameIsA404) {
  FakeHost host("example");
  host.load<ExamplePlugin>();

  EXPECT_EQ(host.call(Method::Get, "/api/v1/example/greetings/").status, 404);
  EXPECT_EQ(host.call(Method::Get, "/api/v1/example/greetings").status, 404);
}

TEST(ExamplePlugin, WrongMethodIsTheFramework405) {
  FakeHost host("example");
  host.load<ExamplePlugin>();

  const auto on_echo = host.call(Method::Get, "/api/v1/example/echo");
  EXPECT_EQ(on_echo.status, 405);
  EXPECT_EQ(response_json(on_echo), json({{"detail", "Method Not Allowed"}}));
  EXPECT_EQ(host.call(Method::Delete, "/api/v1/example/greetings/Ada").status, 405);
}

}  // namespace
