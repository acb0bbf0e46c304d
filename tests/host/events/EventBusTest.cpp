#include "events/EventBus.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace killrvideo::host {
namespace {

TEST(EventBusTest, DeliversToEverySubscriberOfTheTopicInOrder) {
  EventBus bus;
  std::vector<std::string> seen;
  bus.subscribe("video.viewed", "a", [&](const std::string&, const nlohmann::json& p) {
    seen.push_back("a:" + p["videoId"].get<std::string>());
    return std::string();
  });
  bus.subscribe("video.viewed", "b", [&](const std::string& topic, const nlohmann::json&) {
    seen.push_back("b:" + topic);
    return std::string();
  });
  bus.subscribe("comment.added", "c", [&](const std::string&, const nlohmann::json&) {
    seen.push_back("c");
    return std::string();
  });
  bus.publish("catalog", "video.viewed", {{"videoId", "v1"}});
  EXPECT_EQ(seen, (std::vector<std::string>{"a:v1", "b:video.viewed"}));
}

TEST(EventBusTest, AFailingSubscriberDoesNotStopTheOthers) {
  EventBus bus;
  int delivered = 0;
  bus.subscribe("t", "broken", [](const std::string&, const nlohmann::json&) { return std::string("boom"); });
  bus.subscribe("t", "fine", [&](const std::string&, const nlohmann::json&) {
    ++delivered;
    return std::string();
  });
  bus.publish("p", "t", nullptr);
  EXPECT_EQ(delivered, 1);
}

TEST(EventBusTest, TopicWithoutSubscribersGoesNowhere) {
  EventBus bus;
  EXPECT_EQ(bus.subscriber_count("nobody.listens"), 0U);
  bus.publish("p", "nobody.listens", {{"x", 1}});
}

TEST(EventBusTest, AClosedActivityReceivesNothingAndAReplacementSwapsAPluginsSubscriptions) {
  EventBus bus;
  std::vector<std::string> seen;
  const auto subscriber = [&](const std::string& name) -> plugin::GuardedSubscriber {
    return [&seen, name](const std::string&, const nlohmann::json&) {
      seen.push_back(name);
      return std::string();
    };
  };
  auto activity = std::make_shared<PluginActivity>();
  bus.replace_plugin_subscriptions("switched", {{"t", subscriber("first")}}, activity);
  bus.subscribe("t", "other", subscriber("other"));
  bus.publish("p", "t", nullptr);
  EXPECT_EQ(seen, std::vector<std::string>{"other"}) << "not delivered before the plugin's gate opens";
  activity->open();
  bus.publish("p", "t", nullptr);
  EXPECT_EQ(seen, (std::vector<std::string>{"other", "first", "other"}));

  bus.replace_plugin_subscriptions("switched", {{"t", subscriber("second")}, {"u", subscriber("third")}}, activity);
  seen.clear();
  bus.publish("p", "t", nullptr);
  bus.publish("p", "u", nullptr);
  EXPECT_EQ(seen, (std::vector<std::string>{"other", "second", "third"}));

  bus.replace_plugin_subscriptions("switched", {}, nullptr);
  EXPECT_EQ(bus.subscriber_count("t"), 1U);
  EXPECT_EQ(bus.subscriber_count("u"), 0U);
}

}  // namespace
}  // namespace killrvideo::host
