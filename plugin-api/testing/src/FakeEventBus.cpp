#include "killrvideo/plugin/testing/FakeEventBus.h"

namespace killrvideo::plugin::testing {

void FakeEventBus::publish(const std::string& topic, const nlohmann::json& payload) noexcept {
  {
    std::lock_guard lock(mutex_);
    published_.push_back({topic, payload});
  }
  deliver(topic, payload);
}

void FakeEventBus::deliver(const std::string& topic, const nlohmann::json& payload) noexcept {
  std::vector<GuardedSubscriber> receivers;
  {
    std::lock_guard lock(mutex_);
    for (const auto& subscription : subscriptions_) {
      if (subscription.topic == topic) receivers.push_back(subscription.deliver);
    }
  }
  // Delivered outside the lock: a subscriber may itself publish.
  for (const auto& receiver : receivers) {
    std::string failure = receiver(topic, payload);
    if (failure.empty()) continue;
    std::lock_guard lock(mutex_);
    failures_.push_back({topic, std::move(failure)});
  }
}

void FakeEventBus::add_subscription(const std::string& topic, GuardedSubscriber subscriber) {
  std::lock_guard lock(mutex_);
  subscriptions_.push_back({topic, std::move(subscriber)});
}

std::vector<std::string> FakeEventBus::subscribed_topics() const {
  std::lock_guard lock(mutex_);
  std::vector<std::string> topics;
  for (const auto& subscription : subscriptions_) topics.push_back(subscription.topic);
  return topics;
}

std::vector<PublishedEvent> FakeEventBus::published() const {
  std::lock_guard lock(mutex_);
  return published_;
}

std::vector<DeliveryFailure> FakeEventBus::failures() const {
  std::lock_guard lock(mutex_);
  return failures_;
}

}  // namespace killrvideo::plugin::testing
