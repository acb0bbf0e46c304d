#include "events/EventBus.h"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

namespace killrvideo::host {

void EventBus::subscribe(const std::string& topic, const std::string& subscriber_plugin,
                         plugin::GuardedSubscriber subscriber) {
  subscriptions_[topic].push_back({subscriber_plugin, std::move(subscriber)});
}

void EventBus::publish(const std::string& publisher_plugin, const std::string& topic,
                       const nlohmann::json& payload) const noexcept {
  const auto found = subscriptions_.find(topic);
  if (found == subscriptions_.end()) return;
  for (const auto& subscription : found->second) {
    const std::string failure = subscription.deliver(topic, payload);
    if (!failure.empty()) {
      spdlog::error("event '{}' from plugin '{}': subscriber plugin '{}' failed: {}", topic, publisher_plugin,
                    subscription.plugin, failure);
    }
  }
}

std::size_t EventBus::subscriber_count(const std::string& topic) const {
  const auto found = subscriptions_.find(topic);
  return found == subscriptions_.end() ? 0 : found->second.size();
}

}  // namespace killrvideo::host
