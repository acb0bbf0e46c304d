#pragma once
// In-process publish/subscribe between plugins (design §5). Subscriptions are made during registration,
// before serving; publishing is then lock-free reading of an immutable table.

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "killrvideo/plugin/Registrar.h"

namespace killrvideo::host {

class EventBus {
 public:
  // Only before the server starts serving.
  void subscribe(const std::string& topic, const std::string& subscriber_plugin,
                 plugin::GuardedSubscriber subscriber);

  // Delivers to every subscriber of `topic` in subscription order, synchronously. A subscriber's
  // failure is logged and does not stop delivery to the others or reach the publisher.
  void publish(const std::string& publisher_plugin, const std::string& topic,
               const nlohmann::json& payload) const noexcept;

  std::size_t subscriber_count(const std::string& topic) const;

 private:
  struct Subscription {
    std::string plugin;
    plugin::GuardedSubscriber deliver;
  };
  std::map<std::string, std::vector<Subscription>> subscriptions_;
};

}  // namespace killrvideo::host
