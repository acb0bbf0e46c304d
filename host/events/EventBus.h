#pragma once
// In-process publish/subscribe between plugins (design §5). Publishing reads an immutable snapshot of the
// subscriptions without locks; a plugin enabled or disabled while serving swaps its subscriptions in or
// out as one change, and its PluginActivity keeps a disabled plugin's subscribers from running.

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "killrvideo/plugin/Registrar.h"
#include "plugins/PluginActivity.h"

namespace killrvideo::host {

class EventBus {
 public:
  EventBus();

  // `activity`, when given, is entered around each delivery: nothing is delivered while it is closed.
  void subscribe(const std::string& topic, const std::string& subscriber_plugin, plugin::GuardedSubscriber subscriber,
                 std::shared_ptr<PluginActivity> activity = nullptr);
  // In one change: every subscription of `plugin` goes, `subscriptions` (topic → subscriber) come.
  void replace_plugin_subscriptions(const std::string& plugin,
                                    const std::vector<std::pair<std::string, plugin::GuardedSubscriber>>& subscriptions,
                                    std::shared_ptr<PluginActivity> activity);

  // Delivers to every subscriber of `topic` in subscription order, synchronously. A subscriber's
  // failure is logged and does not stop delivery to the others or reach the publisher.
  void publish(const std::string& publisher_plugin, const std::string& topic,
               const nlohmann::json& payload) const noexcept;

  std::size_t subscriber_count(const std::string& topic) const;

 private:
  struct Subscription {
    std::string plugin;
    plugin::GuardedSubscriber deliver;
    std::shared_ptr<PluginActivity> activity;
  };
  using Table = std::map<std::string, std::vector<Subscription>>;
  std::shared_ptr<const Table> table() const;

  std::mutex writer_;  // one change at a time; publishers never wait for it
  std::shared_ptr<const Table> table_;
};

}  // namespace killrvideo::host
