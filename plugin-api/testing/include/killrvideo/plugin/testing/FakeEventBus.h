#pragma once
// The event bus of one FakeHost: it records what the plugin publishes and delivers every event,
// synchronously, to the subscriptions the same plugin registered, so a plugin's own subscriber can be
// tested. Like the host's bus, a subscriber's failure is recorded and never reaches the publisher.

#include <mutex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "killrvideo/plugin/HostServices.h"
#include "killrvideo/plugin/Registrar.h"

namespace killrvideo::plugin::testing {

struct PublishedEvent {
  std::string topic;
  nlohmann::json payload;
};

struct DeliveryFailure {
  std::string topic;
  std::string failure;
};

class FakeEventBus final : public EventBus {
 public:
  void publish(const std::string& topic, const nlohmann::json& payload) noexcept override;
  // Delivers an event as if another plugin had published it: nothing is recorded as published.
  void deliver(const std::string& topic, const nlohmann::json& payload) noexcept;

  void add_subscription(const std::string& topic, GuardedSubscriber subscriber);

  std::vector<std::string> subscribed_topics() const;
  std::vector<PublishedEvent> published() const;
  std::vector<DeliveryFailure> failures() const;

 private:
  struct Subscription {
    std::string topic;
    GuardedSubscriber deliver;
  };
  mutable std::mutex mutex_;
  std::vector<Subscription> subscriptions_;
  std::vector<PublishedEvent> published_;
  std::vector<DeliveryFailure> failures_;
};

}  // namespace killrvideo::plugin::testing
