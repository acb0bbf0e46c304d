#include "events/EventBus.h"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

namespace killrvideo::host {

EventBus::EventBus() : table_(std::make_shared<const Table>()) {}

std::shared_ptr<const EventBus::Table> EventBus::table() const { return std::atomic_load(&table_); }

void EventBus::subscribe(const std::string& topic, const std::string& subscriber_plugin,
                         plugin::GuardedSubscriber subscriber, std::shared_ptr<PluginActivity> activity) {
  const std::lock_guard lock(writer_);
  auto next = std::make_shared<Table>(*table());
  (*next)[topic].push_back({subscriber_plugin, std::move(subscriber), std::move(activity)});
  std::atomic_store(&table_, std::shared_ptr<const Table>(std::move(next)));
}

void EventBus::replace_plugin_subscriptions(
    const std::string& plugin, const std::vector<std::pair<std::string, plugin::GuardedSubscriber>>& subscriptions,
    std::shared_ptr<PluginActivity> activity) {
  const std::lock_guard lock(writer_);
  auto next = std::make_shared<Table>();
  for (const auto& [topic, subscribers] : *table()) {
    for (const auto& subscription : subscribers) {
      if (subscription.plugin != plugin) (*next)[topic].push_back(subscription);
    }
  }
  for (const auto& [topic, subscriber] : subscriptions) (*next)[topic].push_back({plugin, subscriber, activity});
  std::atomic_store(&table_, std::shared_ptr<const Table>(std::move(next)));
}

void EventBus::publish(const std::string& publisher_plugin, const std::string& topic,
                       const nlohmann::json& payload) const noexcept {
  const auto subscriptions = table();
  const auto found = subscriptions->find(topic);
  if (found == subscriptions->end()) return;
  for (const auto& subscription : found->second) {
    const PluginActivity::Pass pass =
        subscription.activity != nullptr ? subscription.activity->enter() : PluginActivity::Pass();
    if (subscription.activity != nullptr && !pass) continue;
    const std::string failure = subscription.deliver(topic, payload);
    if (!failure.empty()) {
      spdlog::error("event '{}' from plugin '{}': subscriber plugin '{}' failed: {}", topic, publisher_plugin,
                    subscription.plugin, failure);
    }
  }
}

std::size_t EventBus::subscriber_count(const std::string& topic) const {
  const auto subscriptions = table();
  const auto found = subscriptions->find(topic);
  return found == subscriptions->end() ? 0 : found->second.size();
}

}  // namespace killrvideo::host
