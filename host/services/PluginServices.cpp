#include "services/PluginServices.h"

#include "events/EventBus.h"

namespace killrvideo::host {

PluginServices::PluginServices(std::string plugin_name, nlohmann::json config, SharedServices shared)
    : name_(std::move(plugin_name)), config_(std::move(config)), shared_(shared), logger_(name_) {}

void PluginServices::publish(const std::string& topic, const nlohmann::json& payload) noexcept {
  shared_.events->publish(name_, topic, payload);
}

}  // namespace killrvideo::host
